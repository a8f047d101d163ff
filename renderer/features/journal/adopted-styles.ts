import { StyleModule } from 'style-mod';

/**
 * CodeMirror's own styles (its base theme: the layout the editor relies on, line wrapping, the
 * caret and selection layers) come through style-mod, which writes them into a <style> element in
 * the page's head. Our Content-Security-Policy (style-src 'self', no 'unsafe-inline') refuses that
 * element: a console violation, and the editor without its base styles.
 *
 * A stylesheet made by script and adopted by the document is not an inline style; CSP does not
 * govern it (the script making it was already allowed by script-src), and style-mod itself does
 * exactly this in shadow roots. So the document's mounts go to one adopted sheet instead, with
 * style-mod's order rules: each module once, one mounted later taking precedence. The policy stays
 * as strict as it is, and no nonce has to be made per page load by whoever serves the page.
 *
 * Call before the first EditorView is made (long-text.ts does, as it loads).
 */
let installed = false;

export function adoptCodeMirrorStyles(): void {
  if (installed || typeof document === 'undefined' || !('adoptedStyleSheets' in document)) return;
  installed = true;
  const sheet = new CSSStyleSheet();
  const mounted: StyleModule[] = [];
  const intoStyleElement = StyleModule.mount.bind(StyleModule);
  StyleModule.mount = (root, modules, options) => {
    // A shadow root: style-mod adopts a sheet there already.
    if (root !== document) return intoStyleElement(root, modules, options);
    const asked: readonly StyleModule[] = modules instanceof StyleModule ? [modules] : modules;
    let changed = false;
    let j = 0;
    for (const mod of asked) {
      let index = mounted.indexOf(mod);
      if (index > -1 && index < j) {
        // Asked in another order than before: it moves to where it is asked now.
        mounted.splice(index, 1);
        j--;
        index = -1;
      }
      if (index === -1) {
        mounted.splice(j++, 0, mod);
        changed = true;
      } else {
        j = index + 1;
      }
    }
    if (changed) sheet.replaceSync(mounted.map((mod) => mod.getRules()).join('\n'));
    if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
  };
}
