/**
 * Highlight helpers for the reader suites: select text with a real mouse drag,
 * read what is painted (CSS.highlights: Folio paints with the Custom Highlight
 * API, so there are no elements to look for), read the highlights store, and
 * capture what the page copies.
 */
import type { ElementHandle, Page } from 'puppeteer';
import { aria, byName, waitForValue } from './pages';
import { waitForElement, waitInPage } from './wait';

export const HL_UI = {
  toolbar: 'Selection',
  popover: 'Highlight',
  panel: 'Highlights',
  addNote: 'Add note',
  copy: 'Copy',
  shareQuote: 'Share quote',
  editNote: 'Edit note',
  saveNote: 'Save note',
  remove: 'Remove highlight',
  copyMarkdown: 'Copy highlights as Markdown',
  notFound: 'not found on this page',
  removed: 'Highlight removed.',
  undo: 'Undo',
} as const;

interface Point {
  x: number;
  y: number;
}

/**
 * Viewport points just inside the first character of `from` and the last of
 * `to` (each the first occurrence in the reader body; `to` searched after
 * `from`), after scrolling `from` into the middle of the view.
 */
async function dragPoints(page: Page, from: string, to: string): Promise<{ start: Point; end: Point }> {
  await page.evaluate((needle) => {
    const body = document.querySelector('.reader-body')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if ((n as Text).data.includes(needle)) {
        n.parentElement!.scrollIntoView({ block: 'center', behavior: 'instant' });
        return;
      }
    }
  }, from);
  // The page may still move after the scroll (a layout that settles): measure once it holds still for two frames.
  await waitInPage(
    page,
    () =>
      new Promise<boolean>((resolve) => {
        const y = window.scrollY;
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY === y)));
      }),
    { timeout: 10_000, what: 'the scroll to settle' },
  );
  return page.evaluate(
    (a, b) => {
      const body = document.querySelector('.reader-body')!;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
      const find = (needle: string, after?: { node: Text; offset: number }) => {
        let started = !after;
        for (const node of texts) {
          if (!started && node !== after!.node) continue;
          const from = !started ? after!.offset : 0;
          started = true;
          const at = node.data.indexOf(needle, from);
          if (at >= 0) return { node, offset: at };
        }
        throw new Error(`"${needle}" is not in the reader body`);
      };
      const first = find(a);
      const last = find(b, first);
      const charRect = (node: Text, offset: number) => {
        const r = document.createRange();
        r.setStart(node, offset);
        r.setEnd(node, offset + 1);
        return r.getBoundingClientRect();
      };
      const s = charRect(first.node, first.offset);
      const e = charRect(last.node, last.offset + b.length - 1);
      return { start: { x: s.left + 1, y: s.top + s.height / 2 }, end: { x: e.right - 1, y: e.top + e.height / 2 } };
    },
    from,
    to,
  );
}

/** Selects from the start of `from` to the end of `to` with a real mouse drag. Returns the selected text. */
export async function dragSelect(page: Page, from: string, to: string = from): Promise<string> {
  const { start, end } = await dragPoints(page, from, to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 6 });
  await page.mouse.up();
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}

/** The selection toolbar (role toolbar "Selection"), once it shows. */
export async function selectionToolbar(page: Page): Promise<ElementHandle<Element>> {
  return byName(page, HL_UI.toolbar, 'toolbar');
}

/** Clicks the control named `name` inside `container`. */
export async function clickIn(container: ElementHandle<Element>, name: string, role = 'button'): Promise<void> {
  const handle = await waitForElement(container, aria(name, role), { timeout: 10_000 });
  if (!handle) throw new Error(`No ${role} named ${name}`);
  await handle.click();
  await handle.dispose();
}

export interface PaintedRange {
  /** The registry name (folio-hl-<colour>, folio-hl-focus). */
  name: string;
  text: string;
  /** Whether the range ends inside a link. */
  inLink: boolean;
}

/** Every range registered in CSS.highlights, by name, with the text under it. */
export async function painted(page: Page): Promise<PaintedRange[]> {
  return page.evaluate(() => {
    const out: { name: string; text: string; inLink: boolean }[] = [];
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    registry.forEach((highlight, name) => {
      highlight.forEach((range) => {
        const end = range.endContainer;
        const el = end.nodeType === 1 ? (end as Element) : end.parentElement;
        out.push({ name, text: range.toString(), inLink: !!el?.closest('a') });
      });
    });
    return out;
  });
}

/** Painted ranges under a colour layer (not the focus mark). */
export async function paintedColours(page: Page): Promise<PaintedRange[]> {
  return (await painted(page)).filter((p) => p.name !== 'folio-hl-focus');
}

export async function waitForPainted(page: Page, predicate: (ranges: PaintedRange[]) => boolean, what: string): Promise<PaintedRange[]> {
  return waitForValue(() => paintedColours(page), predicate, what);
}

export interface StoredHighlight {
  id: string;
  articleId: string;
  color: string;
  note: string;
  orphaned: boolean;
  createdAt: number;
  updatedAt: number;
  selectors: { quote: { exact: string; prefix: string; suffix: string }; position: { start: number; end: number } };
  basis: { contentHash: string; extractorVersion: number; textModel: number };
}

/** The highlights store as it is (read from a Folio extension page, e.g. the reader itself). */
export async function storedHighlights(page: Page): Promise<StoredHighlight[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('folio');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction('highlights').objectStore('highlights').getAll();
      req.onsuccess = () => resolve(req.result as unknown[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return rows as StoredHighlight[];
  });
}

/**
 * Records what the page copies instead of writing the system clipboard
 * (headless browsers have none to read back): `copied(page)` lists the texts.
 */
export async function captureClipboard(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    Object.defineProperty(navigator.clipboard, 'writeText', {
      configurable: true,
      value: async (text: string) => {
        w.__copied.push(text);
      },
    });
  });
}

export async function copied(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __copied?: string[] }).__copied ?? []);
}

/** Clicks the middle of the painted range whose text is `text` (a real mouse click on the highlight). */
export async function clickPainted(page: Page, text: string): Promise<void> {
  const point = await page.evaluate((wanted) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    let found: Range | null = null;
    registry.forEach((h, name) => {
      if (name === 'folio-hl-focus') return;
      h.forEach((r) => {
        if (r.toString() === wanted) found = r;
      });
    });
    if (!found) throw new Error(`nothing painted over "${wanted}"`);
    const range = found as Range;
    (range.startContainer.parentElement as Element).scrollIntoView({ block: 'center', behavior: 'instant' });
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
  }, text);
  await page.mouse.click(point.x, point.y);
}
