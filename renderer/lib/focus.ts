import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * Where keyboard focus goes, in one place. Three tools:
 * - `focusOnArrival` / `focusNow`: attachments for an element that should take focus when it appears;
 * - `moveFocus`: after an in-place action, focus the result or the next sensible control;
 * - `keepFocusOnScreen`: a safety net, so focus is never dropped to the page body when the focused
 *   control disappears (a Save button whose form closed, a Delete whose row went away).
 */

/**
 * Focuses a new screen's heading (tabindex="-1") once the rest of the screen exists, so keyboard
 * and screen-reader users land at its start.
 */
export const focusOnArrival: Attachment<HTMLElement> = (node) => {
  const handle = setTimeout(() => node.focus({ preventScroll: false }), 0);
  return () => clearTimeout(handle);
};

/** Focuses at once: a field or message opened in place by the person's own action. */
export const focusNow: Attachment<HTMLElement> = (node) => {
  node.focus();
};

/** `focusNow`, only when `when` is true (the first of a list, a new entry). */
export function focusIf(when: boolean): Attachment<HTMLElement> {
  return (node) => {
    if (when) node.focus();
  };
}

type Target = HTMLElement | string | null | undefined | (() => HTMLElement | null | undefined);

/**
 * After the screen has updated, focuses the first of `targets` that is on screen and can take
 * focus (an element, an element's id, or a function finding one). Returns whether one did.
 * Pass a bound element as a function (`() => button`): the update may have made a new one.
 */
export async function moveFocus(...targets: Target[]): Promise<boolean> {
  await tick();
  for (const target of targets) {
    const el = resolve(target);
    if (el && el.isConnected && !isDisabled(el)) {
      el.focus();
      if (document.activeElement === el) return true;
    }
  }
  return false;
}

function resolve(target: Target): HTMLElement | null {
  if (typeof target === 'function') return target() ?? null;
  if (typeof target === 'string') return document.getElementById(target);
  return target ?? null;
}

function isDisabled(el: HTMLElement): boolean {
  return (el as HTMLButtonElement).disabled === true || el.closest('[inert]') !== null;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

/**
 * Watches the page: when the focused control is removed (its form saved and closed, its row
 * deleted) and focus fell to the body, focus moves to what took its place nearby: the closest
 * surviving container's marked fallback (`data-focus-fallback`), its heading, or its first control.
 * A control disabled while focused (the browser drops its focus) gets it back once enabled.
 * Installed once, at start.
 */
export function keepFocusOnScreen(root: Document = document): () => void {
  let path: Element[] = [];
  const remember = (event: FocusEvent) => {
    path = [];
    for (let el = event.target instanceof Element ? event.target : null; el; el = el.parentElement) path.push(el);
  };
  const onBody = () => {
    const active = root.activeElement;
    return !active || active === root.body || active === root.documentElement;
  };
  // Focus left for the body by the person's own click elsewhere: forget it, so a later removal
  // of that control does not pull focus back. A control that was disabled while focused (a Save
  // that waits) is not left by the person: it is kept, and gets focus back when it is enabled.
  const forget = (event: FocusEvent) => {
    if (event.relatedTarget) return;
    setTimeout(() => {
      const lost = path[0];
      if (lost?.isConnected && onBody() && !isDisabled(lost as HTMLElement)) path = [];
    }, 0);
  };
  const observer = new MutationObserver(() => {
    const lost = path[0] as HTMLElement | undefined;
    if (!lost || !onBody()) return;
    if (lost.isConnected) {
      if (!isDisabled(lost)) lost.focus({ preventScroll: true });
      return;
    }
    const place = path.find((el) => el.isConnected && el !== root.body && el !== root.documentElement);
    const next = place ? fallbackWithin(place) : null;
    path = [];
    (next ?? pageHeading(root))?.focus();
  });
  root.addEventListener('focusin', remember);
  root.addEventListener('focusout', forget);
  observer.observe(root.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'inert'] });
  return () => {
    root.removeEventListener('focusin', remember);
    root.removeEventListener('focusout', forget);
    observer.disconnect();
  };
}

function fallbackWithin(place: Element): HTMLElement | null {
  for (let el: Element | null = place; el && el.tagName !== 'BODY'; el = el.parentElement) {
    const marked = el.querySelector<HTMLElement>('[data-focus-fallback]');
    if (marked) return marked;
    const candidate = [...el.querySelectorAll<HTMLElement>(`h1[tabindex], h2[tabindex], h3[tabindex], ${FOCUSABLE}`)].find(visible);
    if (candidate) return candidate;
  }
  return null;
}

function visible(el: HTMLElement): boolean {
  return el.getClientRects().length > 0 && el.closest('[inert], [hidden]') === null && el.tabIndex >= -1;
}

function pageHeading(root: Document): HTMLElement | null {
  return root.querySelector<HTMLElement>('main h1[tabindex], h1[tabindex], main');
}

/**
 * Focus is still where it was when something slow began (or it fell to the page meanwhile, as the
 * element holding it went away): only then may the answer move it. If the person has moved on,
 * it stays where they put it.
 */
export function focusUnmoved(from: Element | null): boolean {
  const now = document.activeElement;
  return now === from || now === null || now === document.body;
}
