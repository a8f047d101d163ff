import { Marked } from 'marked';
import createDOMPurify, { type DOMPurify } from 'dompurify';

/**
 * Markdown → safe HTML for the entry preview.
 *
 * The output is sanitised by DOMPurify and then made inert:
 * - links keep their text but lose their address (nothing can navigate anywhere),
 * - images never load: there is no network, so only their description is shown,
 * - no scripts, event handlers, styles, forms or frames survive.
 */

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const marked = new Marked({
  async: false,
  gfm: true,
  breaks: true,
  renderer: {
    // Pictures would need the network (or a file path); show their description instead.
    image: ({ text }) => `<em>${escapeHtml(text ? `[picture: ${text}]` : '[picture]')}</em>`,
  },
});

let purifier: DOMPurify | null = null;

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const instance = createDOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href');
      node.removeAttribute('href');
      node.removeAttribute('target');
      if (href && /^https?:|^mailto:/i.test(href)) node.setAttribute('title', href);
      node.setAttribute('class', 'inert-link');
    }
  });
  purifier = instance;
  return instance;
}

const PURIFY_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math', 'img', 'video', 'audio', 'source', 'picture'],
  FORBID_ATTR: ['style', 'class', 'src', 'srcset', 'action', 'formaction', 'id', 'name'],
  ALLOW_DATA_ATTR: false,
};

/** Elements and attributes the preview may contain; anything else means something went wrong. */
const SAFE_TAGS = new Set([
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark',
  'small', 'sub', 'sup', 'code', 'pre', 'kbd', 'samp', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'span', 'div', 'abbr', 'cite', 'q', 'details', 'summary',
]);
const SAFE_ATTRS = new Set(['title', 'class', 'align', 'start', 'colspan', 'rowspan', 'lang', 'dir', 'open']);

/**
 * A second, independent look at the sanitised HTML: only known-harmless elements and
 * attributes, no links that go anywhere. If the sanitiser ever misbehaves (a broken DOM,
 * a future bug), the preview falls back to plain text instead of trusting it.
 */
export function isInert(html: string): boolean {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const el of template.content.querySelectorAll('*')) {
    if (!SAFE_TAGS.has(el.localName)) return false;
    for (const attr of el.attributes) {
      if (!SAFE_ATTRS.has(attr.name.toLowerCase())) return false;
    }
  }
  return true;
}

function plainText(source: string): string {
  return source
    .split(/\n{2,}/)
    .map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string;
  const purify = getPurifier();
  if (!purify.isSupported) return plainText(source);
  const clean = purify.sanitize(html, PURIFY_CONFIG);
  return isInert(clean) ? clean : plainText(source);
}
