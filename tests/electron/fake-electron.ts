import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';

/**
 * A fake of exactly the Electron main-process API Saltwater uses (main/index.ts, main/app/**),
 * typed against Electron's own electron.d.ts: each fake implements `Surface<Electron.X, …>`, so
 * a method whose name or signature differs from the real one fails `npm run typecheck`, and the
 * module object may hold only names the real module exports. Event methods (on, once, emit…) are
 * Node's EventEmitter, as they are in Electron (its classes extend NodeEventEmitter).
 *
 * Each Electron behaviour the app relies on is written down where the fake imitates it, as
 * "Assumed:", with its source in Electron's documentation (https://electronjs.org/docs/api/…).
 * When Electron is upgraded, re-read those pages: the assumptions are the fake's contract.
 *
 * Test-side helpers (emitting OS events, making requests, clicking notifications) are named
 * after what happens in the real app, and are kept apart from the Electron surface in `control`.
 */

type EventMethods = keyof NodeJS.EventEmitter;
/** The listed members of an Electron type, with Electron's own signatures (event methods excluded). */
type Surface<T, K extends Exclude<keyof T, EventMethods>> = Pick<T, K>;

/** An Electron `Event`: preventDefault() and defaultPrevented, plus the event's own fields. */
export function fakeEvent<P extends object = object>(params?: P): Electron.Event<P> {
  let prevented = false;
  const event = { ...params } as Electron.Event<P>;
  Object.defineProperties(event, {
    preventDefault: { value: () => void (prevented = true) },
    defaultPrevented: { get: () => prevented },
  });
  return event;
}

/** A frame as IPC and webRequest see it: only its URL is read by the app (it changes as the frame navigates). */
export type FakeFrame = { -readonly [K in 'url']: Electron.WebFrameMain[K] };

export class FakeWebContents
  extends EventEmitter
  implements Surface<Electron.WebContents, 'send' | 'setWindowOpenHandler' | 'isCrashed' | 'getURL' | 'id' | 'printToPDF' | 'print'>
{
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  /** Assumed: `mainFrame` is the top frame of the page (https://electronjs.org/docs/api/web-contents#contentsmainframe-readonly). */
  readonly mainFrame: FakeFrame = { url: '' };
  readonly sent: { channel: string; args: unknown[] }[] = [];
  crashed = false;
  private openHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null;
  /** Every printToPDF and print asked for, with its options. */
  readonly printed: { to: 'pdf' | 'printer'; options: unknown }[] = [];
  /** What the next print dialog does: the person prints, closes it, or the printer fails. */
  printAnswer: 'printed' | 'cancelled' | 'failed' = 'printed';
  /** Set to make printToPDF reject (Electron rejects when the page cannot be printed). */
  pdfFails = false;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  isCrashed(): boolean {
    return this.crashed;
  }
  getURL(): string {
    return this.mainFrame.url;
  }

  /**
   * Assumed: printToPDF prints the page as it is now, in its print styles, and resolves with the
   * PDF's bytes (a Buffer); it rejects if the page cannot be printed. The default paper is Letter
   * (https://electronjs.org/docs/api/web-contents#contentsprinttopdfoptions). The fake's bytes are a
   * tiny PDF-shaped stand-in.
   */
  printToPDF(options: Electron.PrintToPDFOptions): Promise<Buffer> {
    this.printed.push({ to: 'pdf', options });
    if (this.pdfFails) return Promise.reject(new Error('Failed to generate PDF'));
    return Promise.resolve(Buffer.from(`%PDF-1.7\n% fake page from ${this.mainFrame.url}\n%%EOF\n`));
  }

  /**
   * Assumed: print() opens the OS print dialog (silent false) and calls back once with
   * (success, failureReason), failureReason being 'cancelled' or 'failed' when success is false
   * (https://electronjs.org/docs/api/web-contents#contentsprintoptions-callback).
   */
  print(options?: Electron.WebContentsPrintOptions, callback?: (success: boolean, failureReason: string) => void): void {
    this.printed.push({ to: 'printer', options });
    const answer = this.printAnswer;
    queueMicrotask(() => callback?.(answer === 'printed', answer === 'printed' ? '' : answer));
  }

  /**
   * Assumed: a page's window.open, target=_blank link or middle-click asks the handler; without
   * one, Electron opens a new window (https://electronjs.org/docs/api/web-contents#contentssetwindowopenhandlerhandler).
   */
  openWindow(url: string): Electron.WindowOpenHandlerResponse {
    const details = { url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' }, postBody: undefined } as unknown as Electron.HandlerDetails;
    return this.openHandler ? this.openHandler(details) : { action: 'allow' };
  }

  /**
   * Assumed: 'will-navigate' fires before the page navigates itself (links, location), and
   * preventDefault() cancels it; it is not emitted for loadURL (https://electronjs.org/docs/api/web-contents#event-will-navigate).
   * Returns whether the navigation went ahead.
   */
  navigate(url: string): boolean {
    const event = fakeEvent({ url, isSameDocument: false, isMainFrame: true });
    this.emit('will-navigate', event, url, false, true);
    if (!event.defaultPrevented) this.mainFrame.url = url;
    return !event.defaultPrevented;
  }

  /** Assumed: 'will-redirect' fires on a server redirect; preventDefault() stops it (https://electronjs.org/docs/api/web-contents#event-will-redirect). */
  redirect(url: string): boolean {
    const event = fakeEvent({ url, isSameDocument: false, isMainFrame: true });
    this.emit('will-redirect', event, url, false, true);
    return !event.defaultPrevented;
  }

  /** Assumed: 'will-attach-webview' fires before a <webview> attaches; preventDefault() destroys it (https://electronjs.org/docs/api/web-contents#event-will-attach-webview). */
  attachWebview(src: string): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, {}, { src });
    return !event.defaultPrevented;
  }
}

export interface FakeWorld {
  ready: boolean;
  quitting: boolean;
  quit: boolean;
  windows: FakeBrowserWindow[];
  app: FakeApp;
}

export class FakeBrowserWindow
  extends EventEmitter
  implements
    Surface<
      Electron.BrowserWindow,
      | 'show' | 'focus' | 'restore' | 'close' | 'isDestroyed' | 'isMinimized' | 'isVisible' | 'isFocused' | 'minimize'
      | 'setFullScreen' | 'isFullScreen' | 'setContentProtection' | 'isContentProtected' | 'getTitle' | 'loadURL'
    >
{
  readonly webContents = new FakeWebContents();
  readonly options: Electron.BrowserWindowConstructorOptions;
  loadedUrl: string | null = null;
  private title: string;
  private destroyed = false;
  private visible = false;
  private focused = false;
  private minimized = false;
  private fullScreen = false;
  private contentProtected = false;

  constructor(
    private readonly world: FakeWorld,
    options: Electron.BrowserWindowConstructorOptions = {},
  ) {
    super();
    // Assumed: windows can only be made once the app is ready (https://electronjs.org/docs/api/browser-window, "You cannot use this module until the ready event").
    if (!world.ready) throw new Error('fake electron: BrowserWindow created before app ready');
    this.options = options;
    this.title = options.title ?? 'Electron';
    this.visible = options.show !== false;
    world.windows.push(this);
  }

  /** Assumed: loadURL resolves when the page has loaded; the main frame then has that URL (https://electronjs.org/docs/api/browser-window#winloadurlurl-options). */
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
    this.focused = true;
    this.minimized = false;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  minimize(): void {
    this.minimized = true;
    this.focused = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  setFullScreen(flag: boolean): void {
    this.fullScreen = flag;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  setContentProtection(enable: boolean): void {
    this.contentProtected = enable;
  }
  isContentProtected(): boolean {
    return this.contentProtected;
  }
  getTitle(): string {
    return this.title;
  }

  /**
   * Assumed: close() is the same as the person clicking the close button: 'close' is emitted and
   * preventDefault() cancels it; otherwise the window goes, 'closed' is emitted, and when it was
   * the last window 'window-all-closed' follows, except while app.quit() is closing the windows
   * (https://electronjs.org/docs/api/browser-window#event-close, #winclose, and
   * https://electronjs.org/docs/api/app#event-window-all-closed).
   */
  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.world.windows.splice(this.world.windows.indexOf(this), 1);
    this.emit('closed');
    if (this.world.windows.length === 0 && !this.world.quitting) this.world.app.emit('window-all-closed');
  }

  /** app.hide() on macOS: the window is no longer visible, nor focused. */
  hideByApp(): void {
    this.visible = false;
    this.focused = false;
  }

  /** Assumed: 'ready-to-show' is emitted once the page has rendered for the first time (https://electronjs.org/docs/api/browser-window#event-ready-to-show). */
  finishFirstPaint(): void {
    this.emit('ready-to-show');
  }

  /** Assumed: preventDefault() on 'page-title-updated' keeps the native title (https://electronjs.org/docs/api/browser-window#event-page-title-updated). */
  pageSetsTitle(title: string): void {
    const event = fakeEvent();
    this.emit('page-title-updated', event, title, true);
    if (!event.defaultPrevented) this.title = title;
  }
}

export class FakeApp
  extends EventEmitter
  implements
    Surface<
      Electron.App,
      | 'whenReady' | 'isReady' | 'quit' | 'enableSandbox' | 'setAppUserModelId' | 'requestSingleInstanceLock' | 'getPath' | 'getAppPath'
      | 'getLocaleCountryCode' | 'getSystemLocale' | 'isPackaged' | 'hide' | 'setLoginItemSettings' | 'getLoginItemSettings'
    >
{
  isPackaged = false;
  /** Times app.hide() was called (macOS's Cmd+H). */
  hiddenCount = 0;
  /** Each setLoginItemSettings() call, in order. */
  readonly loginItemCalls: Electron.Settings[] = [];
  private openAtLogin = false;
  sandboxed = false;
  appUserModelId: string | null = null;
  /** What requestSingleInstanceLock() answers: false when another instance already holds it. */
  singleInstanceLockFree = true;
  private readyPromise: Promise<void>;
  private markReady!: () => void;

  constructor(
    private readonly world: FakeWorld,
    private readonly paths: { userData: string; appPath: string },
  ) {
    super();
    this.readyPromise = new Promise((resolve) => (this.markReady = resolve));
  }

  /** Assumed: whenReady() is fulfilled once Electron has initialised, i.e. with 'ready' (https://electronjs.org/docs/api/app#appwhenready). */
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.world.ready;
  }
  /** Assumed: enableSandbox() must be called before the app is ready (https://electronjs.org/docs/api/app#appenablesandbox). */
  enableSandbox(): void {
    if (this.world.ready) throw new Error('fake electron: app.enableSandbox() after ready');
    this.sandboxed = true;
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  /** Assumed: false means another instance holds the lock and this one should quit (https://electronjs.org/docs/api/app#apprequestsingleinstancelockadditionaldata). */
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLockFree;
  }
  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    if (name !== 'userData') throw new Error(`fake electron: app.getPath('${name}') is not part of the faked surface`);
    return this.paths.userData;
  }
  getAppPath(): string {
    return this.paths.appPath;
  }
  getLocaleCountryCode(): string {
    return 'GB';
  }
  getSystemLocale(): string {
    return 'en-GB';
  }
  /** Assumed: macOS only; hides all the app's windows without minimising them (https://electronjs.org/docs/api/app#apphide-macos). */
  hide(): void {
    this.hiddenCount++;
    for (const win of this.world.windows) win.hideByApp();
  }
  /** Assumed: macOS and Windows only; Linux is not supported (https://electronjs.org/docs/api/app#appsetloginitemsettingssettings-macos-windows). */
  setLoginItemSettings(settings: Electron.Settings): void {
    this.loginItemCalls.push(settings);
    if (settings.openAtLogin !== undefined) this.openAtLogin = settings.openAtLogin;
  }
  getLoginItemSettings(_options?: Electron.LoginItemSettingsOptions): Electron.LoginItemSettings {
    return { openAtLogin: this.openAtLogin } as Electron.LoginItemSettings;
  }

  /**
   * Assumed: quit() emits 'before-quit', then tries to close every window (each may refuse with
   * preventDefault on 'close', which cancels the quit); when all closed, 'will-quit' and 'quit'
   * follow; 'window-all-closed' is not emitted on this path (https://electronjs.org/docs/api/app#appquit,
   * #event-before-quit, #event-will-quit, #event-window-all-closed).
   */
  quit(): void {
    if (this.world.quit) return;
    const before = fakeEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.world.quitting = true;
    try {
      for (const win of [...this.world.windows]) win.close();
    } finally {
      this.world.quitting = false;
    }
    if (this.world.windows.length > 0) return;
    const willQuit = fakeEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.world.quit = true;
    this.emit('quit', fakeEvent(), 0);
  }

  /** The Electron runtime finishing its start-up. */
  becomeReady(): void {
    this.world.ready = true;
    this.emit('ready', fakeEvent(), {});
    this.markReady();
  }

  /** Assumed: the first instance gets 'second-instance' when another is started (https://electronjs.org/docs/api/app#event-second-instance). */
  startSecondInstance(argv: string[] = []): void {
    this.emit('second-instance', fakeEvent(), argv, '/', {});
  }
}

type InvokeListener = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class FakeIpcMain extends EventEmitter implements Surface<Electron.IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeListener>();

  /**
   * Assumed: one handler per channel; a second handle() for the same channel throws
   * "Attempted to register a second handler" (https://electronjs.org/docs/api/ipc-main#ipcmainhandlechannel-listener;
   * the throw is in Electron's lib/browser/ipc-main-impl.ts).
   */
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /**
   * A renderer's ipcRenderer.invoke arriving from `sender`'s `frame`. Assumed: the listener's return
   * value (awaited) is the reply, and an invoke on a channel without a handler is rejected with
   * "No handler registered" (https://electronjs.org/docs/api/ipc-main#ipcmainhandlechannel-listener,
   * https://electronjs.org/docs/api/ipc-renderer#ipcrendererinvokechannel-args).
   */
  async invoke(channel: string, from: { sender: FakeWebContents; frame: FakeFrame | null }, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    const event = { ...fakeEvent(), sender: from.sender, senderFrame: from.frame, processId: 1, frameId: 1 } as unknown as Electron.IpcMainInvokeEvent;
    return await listener(event, ...args);
  }
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export class FakeProtocol implements Surface<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  privileged: Electron.CustomScheme[] | null = null;
  readonly handlers = new Map<string, ProtocolHandler>();

  constructor(private readonly world: FakeWorld) {}

  /** Assumed: only before 'ready', and only once (https://electronjs.org/docs/api/protocol#protocolregisterschemesasprivilegedcustomschemes). */
  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    if (this.world.ready) throw new Error('fake electron: registerSchemesAsPrivileged after ready');
    if (this.privileged) throw new Error('fake electron: registerSchemesAsPrivileged called twice');
    this.privileged = customSchemes;
  }
  /** Assumed: after 'ready' only; the handler's Response is what the page gets (https://electronjs.org/docs/api/protocol#protocolhandlescheme-handler). */
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!this.world.ready) throw new Error('fake electron: protocol.handle before ready');
    this.handlers.set(scheme, handler);
  }

  /** The page (or anything in the renderer) requesting `url` through a registered scheme. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`fake electron: no handler for ${scheme}:`);
    return await handler(new Request(url, init));
  }
}

type BeforeRequestListener = (details: Electron.OnBeforeRequestListenerDetails, callback: (response: Electron.CallbackResponse) => void) => void;
type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];

export class FakeWebRequest implements Surface<Electron.WebRequest, 'onBeforeRequest'> {
  private listener: BeforeRequestListener | null = null;
  onBeforeRequest(filter: Electron.WebRequestFilter, listener: BeforeRequestListener | null): void;
  onBeforeRequest(listener: BeforeRequestListener | null): void;
  onBeforeRequest(first: Electron.WebRequestFilter | BeforeRequestListener | null, second?: BeforeRequestListener | null): void {
    // The app passes no filter: a filtered listener would need the fake to match URL patterns too.
    if (second !== undefined) throw new Error('fake electron: onBeforeRequest with a filter is not part of the faked surface');
    this.listener = first as BeforeRequestListener | null;
  }
  /**
   * A request from the renderer. Assumed: without a listener every request goes ahead; with one,
   * it goes ahead unless the callback says `cancel: true` (https://electronjs.org/docs/api/web-request#webrequestonbeforerequestfilter-listener).
   */
  request(url: string): Promise<Electron.CallbackResponse> {
    const listener = this.listener;
    if (!listener) return Promise.resolve({ cancel: false });
    const details = { id: 1, url, method: 'GET', resourceType: 'other', referrer: '', timestamp: Date.now(), uploadData: [] } as unknown as Electron.OnBeforeRequestListenerDetails;
    return new Promise((resolve) => listener(details, resolve));
  }
}

export class FakeSession implements Surface<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> {
  readonly webRequest = new FakeWebRequest();
  private requestHandler: PermissionRequestHandler = null;
  private checkHandler: PermissionCheckHandler = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandler = handler;
  }

  /**
   * A page asking for a permission. Assumed: with no handler Electron grants it; the handler
   * answers through callback(granted) (https://electronjs.org/docs/api/session#sessetpermissionrequesthandlerhandler).
   */
  requestPermission(
    contents: FakeWebContents,
    permission: string,
    requestingUrl: string,
    /** A 'media' request's own details: which devices (https://electronjs.org/docs/api/structures/media-access-permission-request). */
    extra: Partial<Electron.MediaAccessPermissionRequest> = {},
  ): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(true);
    const details: Electron.PermissionRequest | Electron.MediaAccessPermissionRequest = { requestingUrl, isMainFrame: true, ...extra };
    return new Promise((resolve) => handler(contents as unknown as Electron.WebContents, permission as never, resolve, details));
  }
  /** Assumed: a synchronous check (navigator.permissions.query and the like); no handler means granted (https://electronjs.org/docs/api/session#sessetpermissioncheckhandlerhandler). */
  checkPermission(
    contents: FakeWebContents | null,
    permission: string,
    requestingOrigin: string,
    /** A 'media' check names one device type: 'audio', 'video' or 'unknown' (https://electronjs.org/docs/api/session#sessetpermissioncheckhandlerhandler). */
    extra: Partial<Electron.PermissionCheckHandlerHandlerDetails> = {},
  ): boolean {
    const handler = this.checkHandler;
    if (!handler) return true;
    const details: Electron.PermissionCheckHandlerHandlerDetails = { requestingUrl: requestingOrigin, isMainFrame: true, embeddingOrigin: requestingOrigin, ...extra };
    return handler(contents as unknown as Electron.WebContents, permission as never, requestingOrigin, details);
  }
}

export class FakePowerSaveBlocker implements Surface<Electron.PowerSaveBlocker, 'start' | 'stop' | 'isStarted'> {
  private nextId = 1;
  readonly active = new Map<number, string>();
  /** Assumed: start() returns an id that stop() takes (https://electronjs.org/docs/api/power-save-blocker). */
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number {
    const id = this.nextId++;
    this.active.set(id, type);
    return id;
  }
  stop(id: number): boolean {
    return this.active.delete(id);
  }
  isStarted(id: number): boolean {
    return this.active.has(id);
  }
}

export class FakeGlobalShortcut implements Surface<Electron.GlobalShortcut, 'register' | 'unregister' | 'unregisterAll' | 'isRegistered'> {
  readonly registered = new Map<string, () => void>();
  /** Accelerators another app holds: register() fails for them. */
  readonly heldElsewhere = new Set<string>();
  /** Assumed: false when the accelerator is already taken by another application (https://electronjs.org/docs/api/global-shortcut#globalshortcutregisteraccelerator-callback). */
  register(accelerator: Electron.Accelerator, callback: () => void): boolean {
    if (this.heldElsewhere.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: Electron.Accelerator): void {
    this.registered.delete(accelerator);
  }
  unregisterAll(): void {
    this.registered.clear();
  }
  isRegistered(accelerator: Electron.Accelerator): boolean {
    return this.registered.has(accelerator);
  }
  /** The person presses the keys while another app is in front. */
  press(accelerator: string): void {
    this.registered.get(accelerator)?.();
  }
}

export class FakeNotification extends EventEmitter implements Surface<Electron.Notification, 'show' | 'close' | 'title' | 'body' | 'silent'> {
  title: string;
  body: string;
  silent: boolean;
  shownCount = 0;

  constructor(
    private readonly shown: FakeNotification[],
    options: Electron.NotificationConstructorOptions = {},
  ) {
    super();
    this.title = options.title ?? '';
    this.body = options.body ?? '';
    this.silent = options.silent ?? false;
  }
  show(): void {
    this.shownCount++;
    this.shown.push(this);
  }
  close(): void {
    this.emit('close', fakeEvent());
  }
  /** Assumed: 'click' is emitted when the person clicks the notification (https://electronjs.org/docs/api/notification#event-click). */
  click(): void {
    this.emit('click', fakeEvent());
  }
}

export class FakeMenu implements Surface<Electron.Menu, 'items'> {
  readonly items: Electron.MenuItem[] = [];
  constructor(readonly template: ReadonlyArray<Electron.MenuItemConstructorOptions | Electron.MenuItem>) {}

  /** What the person sees, top to bottom: each item's label, '---' for a separator. */
  labels(): string[] {
    return this.template.map((item) => (item.type === 'separator' ? '---' : (item.label ?? '')));
  }

  /**
   * The person chooses the item with this label. Assumed: its `click(menuItem, window, event)` is
   * called; a disabled item cannot be chosen (https://electronjs.org/docs/api/menu-item#new-menuitemoptions).
   */
  choose(label: string): void {
    const item = this.template.find((i) => i.label === label);
    if (!item) throw new Error(`fake electron: no menu item '${label}' (there are: ${this.labels().join(', ')})`);
    if (item.enabled === false) throw new Error(`fake electron: menu item '${label}' is disabled`);
    const click = item.click as ((menuItem: unknown, window: unknown, event: Electron.KeyboardEvent) => void) | undefined;
    click?.(item, undefined, {});
  }
}

/** Width and height from a PNG's IHDR, or the first entry of an ICO's directory; null for anything else. */
function imageFileSize(bytes: Buffer): Electron.Size | null {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(png)) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length >= 22 && bytes.readUInt16LE(0) === 0 && bytes.readUInt16LE(2) === 1 && bytes.readUInt16LE(4) > 0) {
    return { width: bytes.readUInt8(6) || 256, height: bytes.readUInt8(7) || 256 };
  }
  return null;
}

export class FakeNativeImage implements Surface<Electron.NativeImage, 'isEmpty' | 'getSize' | 'setTemplateImage' | 'isTemplateImage'> {
  private template = false;
  /** `path`: the file it was made from (what the test checks: the fake cannot look at pixels). */
  constructor(
    readonly path: string | null,
    private readonly size: Electron.Size | null,
  ) {}

  /**
   * Assumed: createFromPath gives an empty image when the file is missing, unreadable or not an
   * image (https://electronjs.org/docs/api/native-image#nativeimagecreatefrompathpath). The fake
   * reads only PNG and ICO headers, the formats the app ships.
   */
  static fromPath(path: string): FakeNativeImage {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return new FakeNativeImage(path, null);
    }
    return new FakeNativeImage(path, imageFileSize(bytes));
  }
  isEmpty(): boolean {
    return this.size === null;
  }
  getSize(_scaleFactor?: number): Electron.Size {
    return this.size ?? { width: 0, height: 0 };
  }
  /**
   * Assumed: a template image is drawn by macOS from its alpha only, recoloured for a light or dark
   * menu bar; it matters on macOS only (https://electronjs.org/docs/api/native-image#template-image-macos).
   */
  setTemplateImage(option: boolean): void {
    this.template = option;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
}

export class FakeTray extends EventEmitter implements Surface<Electron.Tray, 'destroy' | 'isDestroyed' | 'setToolTip' | 'setContextMenu' | 'setImage'> {
  image: FakeNativeImage | string;
  toolTip = '';
  contextMenu: FakeMenu | null = null;
  private destroyed = false;

  constructor(world: FakeWorld, image: Electron.NativeImage | string, _guid?: string) {
    super();
    // Assumed: a tray can only be made once the app is ready ("Cannot create Tray before app is ready",
    // Electron's shell/browser/api/electron_api_tray.cc; https://electronjs.org/docs/api/tray).
    if (!world.ready) throw new Error('fake electron: Tray created before app ready');
    this.image = image as unknown as FakeNativeImage | string;
  }
  /** Assumed: the icon goes from the tray at once, and isDestroyed() is then true (https://electronjs.org/docs/api/tray#traydestroy). */
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Assumed: the hover text, on every platform that has one (https://electronjs.org/docs/api/tray#traysettooltiptooltip). */
  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }
  /**
   * Assumed: the menu the icon shows: on macOS when it is clicked, on Windows when it is
   * right-clicked, on Linux however the desktop shows it (StatusNotifierItem hosts differ)
   * (https://electronjs.org/docs/api/tray#traysetcontextmenumenu, and "Platform Considerations"
   * at https://electronjs.org/docs/api/tray).
   */
  setContextMenu(menu: Electron.Menu | null): void {
    this.contextMenu = menu as unknown as FakeMenu | null;
  }
  setImage(image: Electron.NativeImage | string): void {
    this.image = image as unknown as FakeNativeImage | string;
  }

  /**
   * The person clicks the icon. Assumed: 'click' is emitted (with the event, the icon's bounds and
   * the pointer's position); on Linux only for an "activation", which may be a double click or never
   * come at all (https://electronjs.org/docs/api/tray#event-click).
   */
  click(): void {
    if (this.destroyed) throw new Error('fake electron: clicking a destroyed tray');
    this.emit('click', {}, { x: 0, y: 0, width: 16, height: 16 }, { x: 8, y: 8 });
  }
  /** The person opens the icon's menu and chooses `label` in it. */
  choose(label: string): void {
    if (this.destroyed) throw new Error('fake electron: using a destroyed tray');
    if (!this.contextMenu) throw new Error('fake electron: the tray has no menu');
    this.contextMenu.choose(label);
  }
}

/** What safeStorage.getSelectedStorageBackend() can answer (Linux). */
type StorageBackend = ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>;

/**
 * safeStorage: strings sealed by the OS for this account (https://electronjs.org/docs/api/safe-storage).
 * The fake seals with AES-GCM under a key that stands for this account's keychain on this computer;
 * `moveToNewMachine` replaces it, so earlier seals no longer open (a new computer, a reset keyring).
 */
export class FakeSafeStorage
  implements Surface<Electron.SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>
{
  /** The Linux backend Chromium picked (a desktop with a keyring service by default). */
  backend: StorageBackend = 'gnome_libsecret';
  /** False: the OS has no keychain to offer (safeStorage says encryption is not available). */
  available = true;
  /** Every sealed blob handed out, to check what reached the disk. */
  readonly sealed: Buffer[] = [];
  private accountKey = randomBytes(32);

  constructor(private readonly world: FakeWorld) {}

  /**
   * Assumed: on Linux, 'basic_text' when no keyring service is recognised (or --password-store=basic);
   * 'unknown' before the app is ready (https://electronjs.org/docs/api/safe-storage#safestoragegetselectedstoragebackend-linux).
   */
  getSelectedStorageBackend(): StorageBackend {
    return this.world.ready ? this.backend : 'unknown';
  }
  /**
   * Assumed: only meaningful after the app's 'ready' (before it, false); on Linux true with
   * basic_text too, since a hard-coded password is then "available"
   * (https://electronjs.org/docs/api/safe-storage#safestorageisasyncencryptionavailable).
   */
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.world.ready && this.available;
  }
  /** Assumed: throws when encryption is not available (https://electronjs.org/docs/api/safe-storage#safestorageencryptstringasyncplaintext). */
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!(await this.isAsyncEncryptionAvailable())) throw new Error('Encryption is not available.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(), iv);
    const data = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    // Assumed: Chromium's seals start with a version prefix ("v10"/"v11"), then the ciphertext.
    const blob = Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), data]);
    this.sealed.push(blob);
    return blob;
  }
  /**
   * Assumed: throws when the blob can't be opened with this account's key (another computer, a
   * changed keyring, altered bytes) (https://electronjs.org/docs/api/safe-storage#safestoragedecryptstringasyncencrypted).
   */
  async decryptStringAsync(encrypted: Buffer): Promise<Electron.DecryptStringAsyncReturnValue> {
    if (!(await this.isAsyncEncryptionAvailable())) throw new Error('Decryption is not available.');
    try {
      const body = encrypted.subarray(3);
      const decipher = createDecipheriv('aes-256-gcm', this.key(), body.subarray(0, 12));
      decipher.setAuthTag(body.subarray(12, 28));
      const result = Buffer.concat([decipher.update(body.subarray(28)), decipher.final()]).toString('utf8');
      return { shouldReEncrypt: false, result };
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
  }

  /** The same account on another computer, or its keyring reset: what was sealed before no longer opens. */
  moveToNewMachine(): void {
    this.accountKey = randomBytes(32);
  }

  /**
   * Assumed: with basic_text, Chromium seals with a password written into Chromium itself, the same
   * for everyone: a copy of the file is as good as the secret (https://electronjs.org/docs/api/safe-storage).
   */
  private key(): Buffer {
    return this.getSelectedStorageBackend() === 'basic_text' ? createHash('sha256').update('peanuts').digest() : this.accountKey;
  }
}

export interface FakeElectronOptions {
  userData: string;
  appPath: string;
  supportsNotifications?: boolean;
}

/** A fresh fake Electron: `module` stands in for `import … from 'electron'`; the rest drives it. */
export function createFakeElectron(options: FakeElectronOptions) {
  const world = { ready: false, quitting: false, quit: false, windows: [] } as unknown as FakeWorld;
  const app = new FakeApp(world, { userData: options.userData, appPath: options.appPath });
  world.app = app;
  const ipcMain = new FakeIpcMain();
  const protocol = new FakeProtocol(world);
  const defaultSession = new FakeSession();
  const powerMonitor = new EventEmitter();
  const powerSaveBlocker = new FakePowerSaveBlocker();
  const globalShortcut = new FakeGlobalShortcut();
  const notifications: FakeNotification[] = [];
  const opened: string[] = [];
  const copied: string[] = [];
  const menus: { current: FakeMenu | null } = { current: null };
  const trays: FakeTray[] = [];
  const dialogAnswers: (string | null)[] = [];
  const userDefaults = new Map<string, unknown>();
  const safeStorage = new FakeSafeStorage(world);

  const BrowserWindow = class extends FakeBrowserWindow {
    constructor(windowOptions?: Electron.BrowserWindowConstructorOptions) {
      super(world, windowOptions);
    }
  };
  const Notification = class extends FakeNotification {
    /** Assumed: false where the OS cannot show notifications (https://electronjs.org/docs/api/notification#notificationissupported). */
    static isSupported(): boolean {
      return options.supportsNotifications ?? true;
    }
    constructor(notificationOptions?: Electron.NotificationConstructorOptions) {
      super(notifications, notificationOptions);
    }
  };
  const Menu = class extends FakeMenu {
    static setApplicationMenu(menu: FakeMenu | null): void {
      menus.current = menu;
    }
    static buildFromTemplate(template: Array<Electron.MenuItemConstructorOptions | Electron.MenuItem>): FakeMenu {
      return new FakeMenu(template);
    }
  };
  const Tray = class extends FakeTray {
    constructor(image: Electron.NativeImage | string, guid?: string) {
      super(world, image, guid);
      trays.push(this);
    }
  };
  // The same parameters as Electron's; the image is the fake's.
  const nativeImage = {
    createFromPath: (...[path]: Parameters<typeof Electron.NativeImage.createFromPath>) => FakeNativeImage.fromPath(path),
  } satisfies { [K in 'createFromPath']: (...args: Parameters<(typeof Electron.NativeImage)[K]>) => FakeNativeImage };
  const shell = {
    /** Assumed: hands the URL to the OS's default app for it (https://electronjs.org/docs/api/shell#shellopenexternalurl-options). */
    openExternal: async (url: string, _options?: Electron.OpenExternalOptions) => void opened.push(url),
  } satisfies Surface<Electron.Shell, 'openExternal'>;
  const clipboard = {
    /** Assumed: resolves once the text is on the clipboard (electron.d.ts, Clipboard.writeText). */
    writeText: async (text: string) => void copied.push(text),
  } satisfies Surface<Electron.Clipboard, 'writeText'>;
  const answer = () => (dialogAnswers.length > 0 ? dialogAnswers.shift()! : null);
  const dialog = {
    showOpenDialog: async (..._args: unknown[]): Promise<Electron.OpenDialogReturnValue> => {
      const path = answer();
      return path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] };
    },
    showSaveDialog: async (..._args: unknown[]): Promise<Electron.SaveDialogReturnValue> => {
      const path = answer();
      return path === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: path };
    },
  };
  const systemPreferences = {
    getUserDefault: <Type extends keyof Electron.UserDefaultTypes>(key: string, _type: Type) => (userDefaults.get(key) ?? false) as Electron.UserDefaultTypes[Type],
  } satisfies Surface<Electron.SystemPreferences, 'getUserDefault'>;

  // Only names the real 'electron' module exports (an unknown key fails the typecheck).
  const module = {
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession },
    powerMonitor,
    powerSaveBlocker,
    globalShortcut,
    Notification,
    shell,
    clipboard,
    Menu,
    Tray,
    nativeImage,
    dialog,
    systemPreferences,
    safeStorage,
  } satisfies Partial<Record<keyof typeof Electron.CrossProcessExports, unknown>>;

  return {
    module,
    app,
    ipcMain,
    protocol,
    session: defaultSession,
    /** Assumed: 'suspend', 'resume', 'lock-screen', 'unlock-screen' (https://electronjs.org/docs/api/power-monitor#events). */
    powerMonitor,
    powerSaveBlocker,
    globalShortcut,
    notifications,
    opened,
    copied,
    menus,
    /** Every tray icon made, in order, removed ones included. */
    trays,
    /** The tray icons showing now. */
    liveTrays: () => trays.filter((t) => !t.isDestroyed()),
    dialogAnswers,
    userDefaults,
    /** The OS keychain: switch `backend` or `available`, or `moveToNewMachine()`. */
    safeStorage,
    windows: () => [...world.windows],
    quitDone: () => world.quit,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
