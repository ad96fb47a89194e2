/**
 * An article body as EPUB content: XHTML with only the elements and
 * attributes reading systems and epubcheck accept. Runs on the sanitised
 * fragment (utils/transfer/article-html.ts): elements outside the list are
 * unwrapped (their text stays), media and embedded documents go, attributes
 * are cut to a few per element, characters XML forbids are dropped, and the
 * result is written by the XML serialiser (well-formed by construction).
 */
import { languageTag } from '../language-tag';

const KEEP = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'code', 'em', 'strong',
  'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'q', 'cite', 'abbr', 'kbd', 'samp', 'var', 'del', 'ins', 'a', 'img',
  'figure', 'figcaption', 'br', 'hr', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'span', 'div',
  'section', 'aside', 'header', 'footer',
]);
/** Gone with their content: nothing in them reads as text in a book. */
const DROP = new Set(['svg', 'math', 'video', 'audio', 'picture', 'source', 'iframe', 'object', 'embed', 'canvas', 'map', 'area', 'template']);
const ATTRS: Record<string, string[]> = {
  a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'],
  ol: ['start', 'reversed'], li: ['value'], span: ['role', 'aria-label', 'class'], blockquote: ['cite'], q: ['cite'], abbr: ['title'],
};
const GLOBAL_ATTRS = ['lang', 'dir'];
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function clean(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!root.contains(el)) continue;
    const tag = el.localName;
    if (DROP.has(tag) && !(tag === 'picture' && el.querySelector('img'))) {
      el.remove();
      continue;
    }
    if (!KEEP.has(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') {
      el.replaceWith(...Array.from(el.childNodes));
      continue;
    }
    const allowed = new Set([...(ATTRS[tag] ?? []), ...GLOBAL_ATTRS]);
    for (const attr of Array.from(el.attributes)) {
      if (!allowed.has(attr.name)) el.removeAttribute(attr.name);
    }
    if (tag === 'a') {
      const href = el.getAttribute('href') ?? '';
      // In-article anchors point at ids that were removed; only web links stay links.
      if (!/^(https?|mailto):/i.test(href)) el.removeAttribute('href');
    }
    if (tag === 'img' && !el.hasAttribute('alt')) el.setAttribute('alt', '');
    for (const name of ['width', 'height', 'colspan', 'rowspan', 'start', 'value']) {
      const v = el.getAttribute(name);
      if (v !== null && !/^\d{1,5}$/.test(v)) el.removeAttribute(name);
    }
    const lang = el.getAttribute('lang');
    if (lang !== null && !languageTag(lang)) el.removeAttribute('lang');
    const dir = el.getAttribute('dir');
    if (dir !== null && dir !== 'ltr' && dir !== 'rtl') el.removeAttribute('dir');
    if (el.hasAttribute('class') && el.getAttribute('class') !== 'image-not-saved') el.removeAttribute('class');
  }
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root as Node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (XML_INVALID.test(n.nodeValue ?? '')) n.nodeValue = (n.nodeValue ?? '').replace(XML_INVALID, '');
  }
}

/** The fragment as XHTML markup for an EPUB chapter's body. */
export function epubXhtml(fragment: DocumentFragment): string {
  const host = fragment.ownerDocument.createElement('div');
  host.append(fragment);
  clean(host);
  const serializer = new XMLSerializer();
  // Each top-level node is written with the XHTML namespace it already has: a repeated xmlns is valid XML.
  return Array.from(host.childNodes, (n) => serializer.serializeToString(n)).join('');
}

/** Text for XML content and attributes (names, titles): escaped, with XML-invalid characters dropped. */
export function xmlText(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
