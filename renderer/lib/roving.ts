import type { Attachment } from 'svelte/attachments';

/**
 * Arrow-key movement within a row of controls (tabs, a toolbar, a group of word buttons):
 * where focus goes next for `key`, from item `i` of `count`, or null when the key is not one.
 * `horizontal` rows ignore Up and Down (tabs); groups that wrap onto lines take all four arrows.
 */
export function nextIndex(key: string, i: number, count: number, horizontal = false): number | null {
  if (count === 0) return null;
  if (key === 'ArrowRight' || (!horizontal && key === 'ArrowDown')) return (i + 1) % count;
  if (key === 'ArrowLeft' || (!horizontal && key === 'ArrowUp')) return (i - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * A roving tabindex on a container: one Tab stop for the whole group (the control last used, or
 * the first), and the arrow keys, Home and End move inside it. Items may come and go (a search
 * filters them); the group keeps exactly one Tab stop.
 */
export function roving(selector = 'button'): Attachment<HTMLElement> {
  return (container) => {
    let current: HTMLElement | null = null;
    const items = () => [...container.querySelectorAll<HTMLElement>(selector)].filter((el) => !(el as HTMLButtonElement).disabled);

    const sync = () => {
      const list = items();
      if (!current || !list.includes(current)) current = list[0] ?? null;
      for (const el of list) el.tabIndex = el === current ? 0 : -1;
    };

    const onfocusin = (event: FocusEvent) => {
      const item = event.target instanceof Element ? event.target.closest<HTMLElement>(selector) : null;
      if (!item || !container.contains(item)) return;
      current = item;
      sync();
    };

    const onkeydown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const list = items();
      const i = list.indexOf(document.activeElement as HTMLElement);
      if (i < 0) return;
      const next = nextIndex(event.key, i, list.length);
      if (next === null) return;
      event.preventDefault();
      list[next]!.focus();
    };

    const observer = new MutationObserver(sync);
    observer.observe(container, { childList: true, subtree: true });
    container.addEventListener('focusin', onfocusin);
    container.addEventListener('keydown', onkeydown);
    sync();
    return () => {
      observer.disconnect();
      container.removeEventListener('focusin', onfocusin);
      container.removeEventListener('keydown', onkeydown);
    };
  };
}
