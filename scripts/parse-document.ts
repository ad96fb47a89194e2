/**
 * A Node Document for a saved page, shaped the way a browser would build it, for
 * the CLI and the benchmarks. jsdom follows the HTML parsing spec; linkedom (the
 * default: ~4x faster) does not, and the extraction code expects what a browser
 * gives — an <html> root holding <head> and <body>. What linkedom does instead,
 * measured on the corpora and pinned by tests/fixtures/extract/document-*:
 *
 * - a page with no element at all (empty, only text, only a comment) throws
 *   inside parseHTML ("Cannot destructure property 'firstElementChild' of
 *   'documentElement' as it is null");
 * - a page without an <html> tag gets its first element as the root (`<head>…`,
 *   `<body>…`, a bare `<p>`), so `document.body` is created *inside* that element;
 * - elements that are not head content but appear in <head> (a banner <div>
 *   before <body>, as on WCXB rest/0135) stay in the head, where the browser
 *   would have closed the head and started the body: Readability then picks a
 *   candidate outside <body> and crashes walking up to it;
 * - content directly under <html> (no <body> tag) or after </html> is not in the body.
 *
 * The repair moves those nodes where the spec's parser puts them, in document
 * order. A leading BOM is dropped (the browser's decoder does that too).
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { revealStreamedSegments } from '../utils/article/prepare/streamed-segments';

export type DomName = 'linkedom' | 'jsdom';

/**
 * Builds a Document for `html` as if it had been loaded from `url`.
 * linkedom is the default: about 4x faster than jsdom here on the WCXB pages, with
 * the same extraction scores (measured in scripts/bench-quality.ts with --dom).
 */
export function parseDocument(html: string, url: string, dom: DomName = 'linkedom'): Document {
  let doc: Document;
  if (dom === 'jsdom') {
    // A silent console: page CSS/script errors are not ours to report.
    const virtualConsole = new VirtualConsole();
    doc = new JSDOM(html, { url, virtualConsole, contentType: 'text/html' }).window.document;
  } else doc = parseWithLinkedom(html);
  // What a React-streamed page's own script does on load (as the extension's static-HTML path does):
  // detection then sees the story a browser shows, as the content script does in a tab.
  revealStreamedSegments(doc);
  return doc;
}

/** What may stay in <head>; the first anything-else ends the head (HTML spec, "in head" insertion mode). */
const HEAD_CONTENT = new Set(['BASE', 'BASEFONT', 'BGSOUND', 'LINK', 'META', 'NOFRAMES', 'SCRIPT', 'STYLE', 'TEMPLATE', 'TITLE', 'NOSCRIPT']);
/** The page's prologue: BOM, XML declaration, comments and doctype, in any order. */
const PROLOGUE = /^(?:\uFEFF|\s+|<\?[^>]*>|<!--[\s\S]*?-->|<!doctype[^>]*>)*/i;

export function parseWithLinkedom(html: string): Document {
  const text = html.replace(/^\uFEFF/, '');
  let doc = tryParse(text);
  if (!doc || doc.documentElement?.tagName !== 'HTML') {
    // No <html> tag (or no element at all): give the page the root a browser would have made.
    doc = tryParse(`<!doctype html><html>${text.replace(PROLOGUE, '')}</html>`) ?? (tryParse('<!doctype html><html></html>') as Document);
  }
  repairTree(doc);
  return doc;
}

function tryParse(text: string): Document | null {
  try {
    const { document } = parseHTML(text);
    return document as unknown as Document;
  } catch {
    return null;
  }
}

function isBlankText(node: Node): boolean {
  return node.nodeType === 3 && !(node.nodeValue ?? '').trim();
}

function repairTree(doc: Document): void {
  const root = doc.documentElement;
  const kids = Array.from(root.childNodes);
  const hasFrameset = kids.some((n) => (n as Element).tagName === 'FRAMESET');
  let body = kids.find((n) => (n as Element).tagName === 'BODY') as HTMLElement | undefined;
  // A frameset page has no body, in browsers too; leave it as it is.
  if (!body && hasFrameset) return;
  const head = kids.find((n) => (n as Element).tagName === 'HEAD') as HTMLElement | undefined;
  if (!body) {
    body = doc.createElement('body');
    root.appendChild(body);
  }
  // Everything that belongs in the body but sits before it goes in front of its content, in order.
  const before: Node[] = [];
  const after: Node[] = [];
  if (head) {
    let overflow = false;
    for (const node of Array.from(head.childNodes)) {
      if (!overflow && node.nodeType === 1 && !HEAD_CONTENT.has((node as Element).tagName)) overflow = true;
      if (!overflow && node.nodeType === 3 && !isBlankText(node)) overflow = true;
      if (overflow) before.push(node);
    }
  }
  let seenBody = false;
  for (const node of kids) {
    if (node === body) seenBody = true;
    else if (node === head || isBlankText(node) || node.nodeType === 8) continue;
    else (seenBody ? after : before).push(node);
  }
  // Elements after </html> (a second page glued on, trailing scripts) belong to the body as well.
  for (let node = root.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 1 || (node.nodeType === 3 && !isBlankText(node))) after.push(node);
  }
  const first = body.firstChild;
  for (const node of before) body.insertBefore(node, first);
  for (const node of after) body.appendChild(node);
  // linkedom's document.head is "the root's first element child if it is a HEAD, else a new one":
  // keep the head first so it is not duplicated.
  if (head && root.firstElementChild !== head) root.insertBefore(head, root.firstChild);
}
