/**
 * The live-page highlighter may recolour or remove a highlight only of the
 * article its own tab shows: a page that learned another article's highlight
 * id (or guesses one) gets nothing.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveArticle } from '@/utils/db/articles';
import { addHighlight } from '@/utils/db/highlights';
import { closeDB } from '@/utils/db/open';
import { ownHighlight } from '@/utils/handlers/live-highlights';
import { LIVE_PAGE_BASIS } from '@/utils/highlights/live-page';
import type { HighlightSelectors } from '@/utils/highlights/types';
import { makeExtracted } from '../helpers/article';

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

const selectors: HighlightSelectors = {
  quote: { type: 'TextQuoteSelector', exact: 'Kuala Lumpur', prefix: 'met in ', suffix: ' on Saturday' },
  position: { type: 'TextPositionSelector', start: 10, end: 22 },
};

async function savedWithHighlight(url: string) {
  const { meta } = await saveArticle(makeExtracted({ url, canonicalUrl: url }));
  return addHighlight({ articleId: meta.id, selectors, basis: LIVE_PAGE_BASIS });
}

describe('requests from the live-page highlighter', () => {
  it('are honoured for a highlight of the article the sender’s tab shows (tracking parameters aside)', async () => {
    const own = await savedWithHighlight('https://news.example/a');
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a?utm_source=x' });
    const sender = { id: fakeBrowser.runtime.id, url: tab.url, tab: { id: tab.id }, frameId: 0 };
    expect((await ownHighlight(own.id, sender))?.id).toBe(own.id);
  });

  it('are refused for another article’s highlight, an unknown id, an iframe or a cached page', async () => {
    const own = await savedWithHighlight('https://news.example/a');
    const other = await savedWithHighlight('https://news.example/b');
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    const sender = { id: fakeBrowser.runtime.id, url: tab.url, tab: { id: tab.id }, frameId: 0 };
    expect(await ownHighlight(other.id, sender)).toBeNull();
    expect(await ownHighlight('no-such-highlight', sender)).toBeNull();
    expect(await ownHighlight(own.id, { ...sender, frameId: 3 })).toBeNull();
    expect(await ownHighlight(own.id, { ...sender, documentLifecycle: 'cached' })).toBeNull();
    // A tab on a page that is not saved at all.
    const elsewhere = await fakeBrowser.tabs.create({ url: 'https://elsewhere.example/' });
    expect(await ownHighlight(own.id, { ...sender, url: elsewhere.url, tab: { id: elsewhere.id } })).toBeNull();
  });
});
