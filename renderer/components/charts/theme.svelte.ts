/**
 * A number that changes whenever the theme does (lib/theme.ts sets data-theme on <html>, for the
 * person's choice and for the computer's appearance alike). A chart reads it in its effect, so it
 * is drawn again in the new colours. One observer for all the charts, made when the first is drawn.
 */
let version = $state(0);
let observer: MutationObserver | null = null;

export function themeVersion(): number {
  if (!observer && typeof MutationObserver !== 'undefined') {
    observer = new MutationObserver(() => {
      version++;
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  }
  return version;
}
