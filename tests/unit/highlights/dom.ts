/**
 * Test DOMs for highlights: markup parsed inertly (DOMParser: nothing runs or
 * loads) into a document whose `.reader-body` is the root offsets count over.
 *
 * A selection is written into the markup itself, independently of the code
 * under test: `⟦` and `⟧` inside text mark where it starts and ends (they are
 * removed), and empty `<x-s></x-s>` / `<x-e></x-e>` elements mark a boundary
 * between nodes (the range is set before them, then they are removed).
 */
export interface Marked {
  root: HTMLElement;
  range: Range;
}

export function readerBody(html: string, header = '<header><h1>Headline words</h1></header>'): HTMLElement {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${header}<div class="reader-body">${html}</div></body>`, 'text/html');
  return doc.querySelector<HTMLElement>('.reader-body')!;
}

function textNodes(root: Node): Text[] {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

export function marked(html: string): Marked {
  const root = readerBody(html);
  const range = root.ownerDocument.createRange();
  let started = false;
  let ended = false;
  for (const node of textNodes(root)) {
    for (const [mark, set] of [['⟦', (n: Text, o: number) => range.setStart(n, o)], ['⟧', (n: Text, o: number) => range.setEnd(n, o)]] as const) {
      const at = node.data.indexOf(mark);
      if (at < 0) continue;
      node.deleteData(at, 1);
      set(node, at);
      if (mark === '⟦') started = true;
      else ended = true;
    }
  }
  const s = root.querySelector('x-s');
  const e = root.querySelector('x-e');
  if (s) {
    range.setStartBefore(s);
    started = true;
  }
  if (e) {
    range.setEndBefore(e);
    ended = true;
  }
  if (!started || !ended) throw new Error('test markup needs a start and an end mark');
  s?.remove();
  e?.remove();
  return { root, range };
}
