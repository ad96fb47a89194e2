/**
 * The background's side of the reader's fixes (utils/background/fix-page.ts),
 * over fake-indexeddb: "Remove parts" stores the view (same address) and a
 * saved copy (highlights kept) and adds its steps to the site's rule; a
 * page-only removal leaves the rule alone; Forget and its Undo; a picker's
 * answer is refused when no pick was started on that page.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetRule, removeParts, restoreRule, usePick } from '@/utils/background/fix-page';
import { getArticle } from '@/utils/db/article-records';
import { saveArticle } from '@/utils/db/articles';
import { addHighlight, listHighlights } from '@/utils/db/highlights';
import { closeDB } from '@/utils/db/open';
import { getReaderView, startReaderView } from '@/utils/db/reader-views';
import { getSiteRule, putSiteRule } from '@/utils/db/site-rules';
import type { SiteRule } from '@/utils/site-rules/types';
import { makeExtracted } from '../helpers/article';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

const URL = 'https://www.news.example/wall';
const STORY = '<p>The council voted to rebuild the wall.</p>';
const PROMO = '<p data-folio-step=".quay-guide">Quayside Weekend: fish suppers.</p>';
const article = () => makeExtracted({ url: URL, canonicalUrl: URL, content: `${STORY}${PROMO}`, textContent: 'The council voted to rebuild the wall.\n\nQuayside Weekend: fish suppers.' });
const edit = (remove: string[]) => ({ content: STORY, textContent: 'The council voted to rebuild the wall.', remove });

describe('the background keeps what the user fixed', () => {
  it('"Remove parts" on a view: the view keeps its id with the new content; the site rule takes the step; a saved copy follows, highlights kept', async () => {
    const { meta } = await saveArticle(article());
    await addHighlight({ articleId: meta.id, color: 'yellow', selectors: { quote: { type: 'TextQuoteSelector', exact: 'council voted', prefix: 'The ', suffix: ' to' }, position: { type: 'TextPositionSelector', start: 4, end: 17 } }, basis: { contentHash: 'x', extractorVersion: 1, textModel: 1 } });
    const { view, stored } = startReaderView(article(), { fix: { site: 'news.example', narrowed: true, removed: 0 } });
    await stored;

    const result = await removeParts({ kind: 'view', id: view.id }, edit(['.quay-guide']), 1_000);
    expect(result).toEqual({
      ok: true,
      value: { fix: { site: 'news.example', narrowed: true, removed: 1 }, rule: { site: 'news.example', article: null, remove: ['.quay-guide'], createdAt: 1_000, updatedAt: 1_000 } },
    });
    const after = await getReaderView(view.id);
    expect(after?.article.content).toBe(STORY);
    expect(after?.article.wordCount).toBe(7);
    expect(after?.fix).toEqual({ site: 'news.example', narrowed: true, removed: 1 });
    expect(await getSiteRule('news.example')).toMatchObject({ remove: ['.quay-guide'] });
    expect((await getArticle(meta.id))?.content).toBe(STORY);
    expect((await listHighlights(meta.id)).map((h) => h.selectors.quote.exact)).toEqual(['council voted']);
  });

  it('a removal that names nothing stable changes the article, not the rule; on a saved article it rewrites that record', async () => {
    const rule: SiteRule = { site: 'news.example', article: 'div.copy', remove: [], createdAt: 1, updatedAt: 1 };
    await putSiteRule(rule);
    const { meta } = await saveArticle(article());
    const result = await removeParts({ kind: 'article', id: meta.id }, edit([]), 2_000);
    expect(result).toEqual({ ok: true, value: { fix: null, rule: null } });
    expect(await getSiteRule('news.example')).toEqual(rule);
    expect((await getArticle(meta.id))?.content).toBe(STORY);
    expect(await removeParts({ kind: 'view', id: 'gone' }, edit([]))).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('Forget removes the rule and hands it back; Undo puts it back as it was', async () => {
    const rule: SiteRule = { site: 'news.example', article: 'div.copy', remove: ['.quay-guide'], createdAt: 1, updatedAt: 5 };
    await putSiteRule(rule);
    expect(await forgetRule('news.example')).toEqual({ ok: true, value: { rule } });
    expect(await getSiteRule('news.example')).toBeNull();
    expect(await forgetRule('news.example')).toEqual({ ok: true, value: { rule: null } });
    expect(await restoreRule(rule)).toEqual({ ok: true, value: undefined });
    expect(await getSiteRule('news.example')).toEqual(rule);
  });

  it('a picker answer without a pick the user started on that page is refused (no rule is written)', async () => {
    const answer = await usePick(7, URL, { selector: 'div.copy', exact: 'body > div:nth-child(1)' });
    expect(answer).toMatchObject({ ok: false, code: 'invalid' });
    expect(await getSiteRule('news.example')).toBeNull();
  });
});
