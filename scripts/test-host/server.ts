import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { AppError } from '../../preload/contract/index.ts';
import { createCore, type Core, type CoreOptions } from '../../main/core/services.ts';
import { contentTypeOf, isStartPage, readStartPage, resolveStaticFile } from '../../main/core/static-files.ts';
import { FakeClock } from '../../tests/helpers/fake-clock.ts';
import { bytesReplacer, bytesReviver, nodeBase64 } from './bytes-json.ts';
import { BodyTooLarge, MalformedBody, comesFromOwnAddress, makePrivateFolder, readBody, readJsonObject, slowRequestLimits } from './guard.ts';

/**
 * The test host: the built renderer and the real core services over loopback, so a plain
 * browser (Playwright's Chromium) can drive the whole app. Development and tests only:
 * never packaged. Bound to 127.0.0.1, random port, every API call needs the run's token.
 */
export interface TestHostOptions extends Omit<CoreOptions, 'emit' | 'resourcesDir'> {
  port?: number;
  rendererDir?: string;
  resourcesDir?: string;
  /** Sessions run this many times faster (fast end-to-end runs); also turns on test hooks. */
  sessionSpeed?: number;
  /**
   * Start the services on a manual clock at this time (ms); POST /__test-host/clock/advance
   * moves it. GET /__test-host/handoffs lists the links and clipboard text the OS would have got.
   */
  fakeClockStart?: number;
  /**
   * Tests only: POST /__test-host/dialog {answer} says what the next file dialog answers (a path,
   * or null). Off for `npm run preview`, where it would let the page point Saltwater at any file.
   */
  testDialogs?: boolean;
  /** A request whose headers and body have not all arrived within this is answered 408 (default 15 s). */
  slowRequestMs?: number;
  /**
   * Benches only: the start page without the bridge's <script>; the browser runs /__test-host/bridge.js
   * itself at document start (an init script), as Electron runs its preload, before any of the page.
   */
  bridgeAtDocumentStart?: boolean;
}

export interface TestHost {
  url: string;
  /** The URL a browser opens first: it hands the token to the bridge. */
  appUrl: string;
  token: string;
  /** The address the server is bound to, as the OS reports it. */
  boundAddress: string;
  core: Core;
  close(): Promise<void>;
}

const root = resolve(import.meta.dirname, '../..');
const MAX_BODY = 4 * 1024 * 1024;

/** A cheap key derivation for tests, previews and benches only (`--fast-kdf`): never for real data. */
export const fastKdf = { N: 2 ** 12, r: 8, p: 1 } as const;

export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  const rendererDir = resolve(options.rendererDir ?? join(root, 'out/renderer'));
  makePrivateFolder(options.dataDir);
  const token = randomBytes(24).toString('base64url');
  const bridge = await bundleBridge();
  const streams = new Set<ServerResponse>();

  const fakeClock = options.fakeClockStart === undefined ? null : new FakeClock(options.fakeClockStart);
  // There is no OS here to hand a mailto: link to: keep what would have gone, for the tests.
  const handedToOs = { opened: [] as string[], copied: [] as string[] };
  // Nor an OS file dialog: a test says what the next one answers (a path, or null for Cancel).
  const dialogAnswers: (string | null)[] = [];
  const nextDialogAnswer = async (): Promise<string | null> => {
    if (dialogAnswers.length === 0) throw new AppError('FILE_PROBLEM', 'Choosing files needs the desktop app; this browser preview cannot show the dialog.');
    return dialogAnswers.shift() ?? null;
  };
  const core = createCore({
    ...(options.testDialogs
      ? {
          dialogs: {
            chooseFolder: nextDialogAnswer,
            chooseBackupFile: nextDialogAnswer,
            chooseExportFolder: nextDialogAnswer,
            chooseExportZip: nextDialogAnswer,
            chooseImportFile: nextDialogAnswer,
            chooseImportFolder: nextDialogAnswer,
            chooseSummaryPdf: nextDialogAnswer,
            choosePracticeFile: nextDialogAnswer,
            choosePracticeSaveAs: nextDialogAnswer,
          },
        }
      : {}),
    openExternal: (uri) => void handedToOs.opened.push(uri),
    clipboard: { writeText: (text) => void handedToOs.copied.push(text) },
    ...options,
    ...(fakeClock ? { clock: fakeClock, timers: fakeClock } : {}),
    resourcesDir: options.resourcesDir ?? join(root, 'resources'),
    emit: (event, payload) => emitToPage(event, payload),
  });
  function emitToPage(event: string, payload: unknown): void {
    const message = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const stream of streams) stream.write(message);
  }

  const server = createServer(slowRequestLimits(options.slowRequestMs ?? 15_000), (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLarge) return send(res, 413, 'text/plain', 'Too large.', { connection: 'close' });
      if (error instanceof MalformedBody) return send(res, 400, 'text/plain', 'The body must be a JSON object.');
      send(res, 500, 'text/plain', 'Internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!comesFromOwnAddress(req, port)) return send(res, 403, 'text/plain', 'This host answers only its own address (http://127.0.0.1:port).');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;

    if (isStartPage(path)) {
      if (!tokenMatches(url.searchParams.get('token'))) {
        return send(res, 403, 'text/plain', 'This test host needs the address it printed, with its token.');
      }
      const html = await readStartPage(rendererDir, core.vault.status().state === 'locked');
      // The preload's stand-in. Deferred, it runs before the page's module scripts (so
      // window.saltwater is ready first) without holding up the lock screen painted from HTML.
      let injected = options.bridgeAtDocumentStart
        ? html
        : html.replace('<script type="module"', '<script defer src="/__test-host/bridge.js"></script>\n    <script type="module"');
      if (options.sessionSpeed) {
        injected = injected.replace('<html lang="en"', `<html lang="en" data-session-speed="${Number(options.sessionSpeed)}" data-test-hooks=""`);
      }
      return send(res, 200, contentTypeOf('index.html'), injected);
    }
    if (path === '/__test-host/bridge.js') return send(res, 200, contentTypeOf('bridge.js'), bridge);

    if (path.startsWith('/__test-host/')) {
      if (!tokenMatches(bearer(req))) return send(res, 401, 'text/plain', 'Missing or wrong token.');
      if (path === '/__test-host/events' && req.method === 'GET') return openEventStream(res);
      if (path === '/__test-host/clock/advance' && req.method === 'POST') {
        if (!fakeClock) return send(res, 409, 'text/plain', 'This host runs on the real clock.');
        const { ms } = await readJsonObject(req, MAX_BODY);
        if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return send(res, 400, 'text/plain', 'ms must be a number ≥ 0');
        fakeClock.advance(ms);
        return send(res, 200, 'application/json', JSON.stringify({ now: fakeClock.now() }));
      }
      if (path === '/__test-host/dialog' && req.method === 'POST') {
        if (!options.testDialogs) return send(res, 409, 'text/plain', 'This host was started without --test-dialogs.');
        const { answer } = await readJsonObject(req, MAX_BODY);
        if (answer !== null && typeof answer !== 'string') return send(res, 400, 'text/plain', 'answer must be a path or null');
        dialogAnswers.push(answer);
        return send(res, 200, 'application/json', 'null');
      }
      // The tray's "Quick note…" (Electron only): what main sends the page when it is pressed.
      if (path === '/__test-host/tray/quick-note' && req.method === 'POST') {
        if (!options.testDialogs) return send(res, 409, 'text/plain', 'This host was started without --test-dialogs.');
        emitToPage('app.quickNote', {});
        return send(res, 200, 'application/json', 'null');
      }
      if (path === '/__test-host/handoffs' && req.method === 'GET') return send(res, 200, 'application/json', JSON.stringify(handedToOs));
      const call = /^\/__test-host\/call\/([\w.]+)$/.exec(path);
      if (call && req.method === 'POST') {
        const body = await readBody(req, MAX_BODY);
        let input: unknown;
        try {
          input = body.length === 0 ? undefined : (JSON.parse(body, bytesReviver(nodeBase64.decode)) as { input?: unknown }).input;
        } catch {
          return send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'Not JSON.' } }));
        }
        const result = await core.router.call(call[1], input);
        return send(res, 200, 'application/json', JSON.stringify(result, bytesReplacer(nodeBase64.encode)));
      }
      return send(res, 404, 'text/plain', 'Not found');
    }

    // Static files of the built renderer; nothing outside its folder.
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain', 'Not found');
    try {
      const content = await readFile(file);
      return send(res, 200, contentTypeOf(file), content);
    } catch {
      return send(res, 404, 'text/plain', 'Not found');
    }
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  function tokenMatches(candidate: string | null): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  await new Promise<void>((resolveListen) => server.listen(options.port ?? 0, '127.0.0.1', resolveListen));
  const { port, address: boundAddress } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    appUrl: `${url}/?token=${token}`,
    token,
    boundAddress,
    core,
    async close() {
      for (const stream of streams) stream.end();
      // Idle keep-alive connections would hold close() open forever: drop them first.
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      core.close();
    },
  };
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : null;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
  res.end(body);
}

async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
