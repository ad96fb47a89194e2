// @vitest-environment jsdom
/**
 * The reader's highlights model over the real repositories (fake-indexeddb) and
 * a jsdom body (no Custom Highlight API there: the painter keeps ranges, which
 * is what these tests read).
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { saveArticle } from '@/utils/db/articles';
import { addHighlight, listHighlights } from '@/utils/db/highlights';
import { closeDB } from '@/utils/db/open';
import { basisOf } from '@/utils/highlights/anchor';
import { indexText, offsetsToRange } from '@/utils/highlights/text-model';
import { getBody } from '@/utils/db/library-repository';
import { createReaderHighlights, defaultHighlightDeps, type ReaderHighlights } from '@/utils/models/reader-highlights';
import { makeExtracted } from '../helpers/article';

const HTML = '<p>The harbour town spent three years repairing its quays.</p><p>The ferry captains noticed first.</p>';

let models: ReaderHighlights[] = [];
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
  const article = document.createElement('article');
  const readerBody = document.createElement('div');
  readerBody.className = 'reader-body';
  article.append(readerBody);
  document.body.replaceChildren(article);
});
afterEach(async () => {
  models.forEach((m) => m.dispose());
  models = [];
  await closeDB();
});

/** The test markup, parsed inertly and moved into `el` (no innerHTML: the house lint rule). */
function fill(el: HTMLElement): HTMLElement {
  const parsed = new DOMParser().parseFromString(HTML, 'text/html');
  el.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
  return el;
}

function body(): HTMLElement {
  return fill(document.querySelector<HTMLElement>('.reader-body')!);
}

function rangeOf(root: HTMLElement, text: string): Range {
  const index = indexText(root);
  const start = index.text.indexOf(text);
  return offsetsToRange({ start, end: start + text.length }, index)!;
}

async function savedArticle(): Promise<string> {
  return (await saveArticle(makeExtracted({ content: HTML }))).meta.id;
}

function model(savedId: () => string | null, save: () => Promise<string | null> = async () => savedId()) {
  const m = createReaderHighlights(defaultHighlightDeps({ savedId, save }));
  models.push(m);
  return m;
}

const until = async (check: () => boolean | Promise<boolean>) => vi.waitFor(async () => expect(await check()).toBe(true), { timeout: 5000 });

describe('reader highlights model', () => {
  it('highlighting an unsaved article saves it first, then stores and paints the highlight against it', async () => {
    let id: string | null = null;
    const save = vi.fn(async () => {
      id = await savedArticle();
      return id;
    });
    const m = model(() => id, save);
    const root = body();
    await m.attach(root, HTML);
    const made = await m.create(rangeOf(root, 'three years'), { color: 'green' });
    expect(save).toHaveBeenCalledTimes(1);
    expect(made).toMatchObject({ articleId: id, color: 'green', note: '' });
    expect(made!.selectors.quote.exact).toBe('three years');
    expect(m.painter.rangeOf(made!.id)!.toString()).toBe('three years');
    expect(m.items.value.map((h) => h.record.id)).toEqual([made!.id]);
    expect(await listHighlights(id!)).toEqual([made]);
    // The record's basis is the stored body's: reopening the saved copy trusts the position.
    expect(made!.basis).toEqual(basisOf((await getBody(id!))!));
  });

  it('a failed save stores nothing and leaves nothing painted', async () => {
    const m = model(() => null, async () => null);
    const root = body();
    await m.attach(root, HTML);
    expect(await m.create(rangeOf(root, 'three years'))).toBeNull();
    expect(m.painter.ids()).toEqual([]);
    expect(m.items.value).toEqual([]);
  });

  it('uses the last colour picked when none is given (h)', async () => {
    const id = await savedArticle();
    const m = model(() => id);
    await m.start();
    const root = body();
    await m.attach(root, HTML);
    await m.create(rangeOf(root, 'harbour town'), { color: 'purple' });
    const plain = await m.create(rangeOf(root, 'ferry captains'));
    expect(plain!.color).toBe('purple');
  });

  it('on attach paints every stored highlight and lists the one it cannot place as an orphan, marked in the store', async () => {
    const id = await savedArticle();
    const basis = basisOf((await getBody(id))!);
    const root = body();
    const index = indexText(root);
    const at = (t: string) => ({ start: index.text.indexOf(t), end: index.text.indexOf(t) + t.length });
    const sel = (t: string, exact = t) => ({
      quote: { type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector' as const, ...at(t) },
    });
    const a = await addHighlight({ articleId: id, selectors: sel('ferry captains'), basis });
    const b = await addHighlight({ articleId: id, selectors: sel('harbour town'), basis });
    const gone = await addHighlight({ articleId: id, selectors: { ...sel('quays'), quote: { type: 'TextQuoteSelector', exact: 'a sentence edited away long ago', prefix: '', suffix: '' } }, basis: { ...basis, contentHash: 'old' } });
    const m = model(() => id);
    await m.attach(root, HTML);
    expect(m.placed.value.map((h) => h.record.id)).toEqual([b.id, a.id]);
    expect(m.orphans.value.map((h) => h.record.id)).toEqual([gone.id]);
    expect(m.painter.ids().sort()).toEqual([a.id, b.id].sort());
    await until(async () => (await listHighlights(id)).find((h) => h.id === gone.id)!.orphaned);
  });

  it('remove, then Undo, puts back the same record and paints it again', async () => {
    const id = await savedArticle();
    const m = model(() => id);
    const root = body();
    await m.attach(root, HTML);
    const made = (await m.create(rangeOf(root, 'three years'), { note: '  check this  ' }))!;
    expect(made.note).toBe('check this');
    const before = await listHighlights(id);
    await m.remove(made.id);
    expect(await listHighlights(id)).toEqual([]);
    expect(m.painter.has(made.id)).toBe(false);
    expect(m.removed.value?.record.id).toBe(made.id);
    await m.undo();
    expect(await listHighlights(id)).toEqual(before);
    expect(m.painter.rangeOf(made.id)!.toString()).toBe('three years');
    expect(m.removed.value).toBeNull();
  });

  it('a click on the highlight while it is still being stored opens its popover on the stored record', async () => {
    const id = await savedArticle();
    const m = model(() => id);
    const root = body();
    await m.attach(root, HTML);
    const making = m.create(rangeOf(root, 'three years'), { color: 'green' });
    // Painted at once, before the store answers: that is what a quick click lands on.
    const [painted] = m.painter.ids();
    expect(painted).toBeDefined();
    m.select(painted!);
    expect(m.selected.value).toBe(painted);
    const made = (await making)!;
    expect(m.selected.value).toBe(made.id);
    expect(m.items.value.map((h) => h.record.id)).toContain(made.id);
  });

  it('a click on a highlight whose save then fails closes nothing left open', async () => {
    const m = model(() => null, async () => null);
    const root = body();
    await m.attach(root, HTML);
    const making = m.create(rangeOf(root, 'three years'));
    m.select(m.painter.ids()[0]!);
    expect(await making).toBeNull();
    expect(m.selected.value).toBeNull();
  });

  it('colour and note changes are stored and repainted', async () => {
    const id = await savedArticle();
    const m = model(() => id);
    const root = body();
    await m.attach(root, HTML);
    const made = (await m.create(rangeOf(root, 'three years')))!;
    await m.setColor(made.id, 'pink');
    await m.setNote(made.id, ' Ask about the budget. ');
    const [stored] = await listHighlights(id);
    expect(stored).toMatchObject({ color: 'pink', note: 'Ask about the budget.' });
    expect(m.items.value[0]!.record).toMatchObject({ color: 'pink', note: 'Ask about the budget.' });
  });

  it('follows highlights added elsewhere (the library channel) and repaints', async () => {
    const id = await savedArticle();
    const m = model(() => id);
    const root = body();
    await m.attach(root, HTML);
    const other = model(() => id);
    const otherRoot = document.createElement('div');
    otherRoot.className = 'reader-body';
    fill(otherRoot);
    document.body.append(otherRoot);
    await other.attach(otherRoot, HTML);
    await other.create(rangeOf(otherRoot, 'ferry captains'), { color: 'blue' });
    await until(() => m.items.value.length === 1);
    expect(m.painter.rangeOf(m.items.value[0]!.record.id)!.toString()).toBe('ferry captains');
  });

  it('Markdown lists the quotes with their notes under a link to the article', async () => {
    const id = await savedArticle();
    const m = model(() => id);
    const root = body();
    await m.attach(root, HTML);
    await m.create(rangeOf(root, 'ferry captains'), { note: 'Who were they?' });
    const md = m.markdown({ title: 'Harbour', url: 'https://news.example/harbour' });
    expect(md).toContain('## [Harbour](https://news.example/harbour)');
    expect(md).toContain('> ferry captains\n\nWho were they?');
  });
});
