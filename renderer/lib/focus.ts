import type { Attachment } from 'svelte/attachments';

/**
 * Moves focus to an element when it appears (a page heading with tabindex="-1"),
 * so keyboard and screen-reader users land at the start of each new screen.
 */
export const focusOnArrival: Attachment<HTMLElement> = (node) => {
  // Wait a tick so the rest of the screen exists first.
  const handle = setTimeout(() => node.focus({ preventScroll: false }), 0);
  return () => clearTimeout(handle);
};
