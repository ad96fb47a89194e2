/** Opening and loading the reader view. */
import type { ExtractedArticle } from '../article/types';
import { getArticle } from '../db/article-records';
import { findSavedId } from '../db/articles';
import { getReaderView } from '../db/reader-views';
import { browser } from 'wxt/browser';
import { openReaderInTab } from '../flows';
import { pageAccess } from '../page-access';
import { preparedExtractions } from '../prepared-extraction';
import { reportFor } from '../tab-state';
import { fail, ok } from '../result';
import * as v from '../validate';
import { failureOf, handle } from './register';

/**
 * The article as the reader page needs it. Messages are JSON-serialised, and the
 * plain-text copy is about as long as the HTML while the reader never reads it
 * (it renders `content`; word count and reading time are already computed), so
 * it stays behind: on a 1 MB page that halves what crosses to the reader.
 */
function forReader(article: ExtractedArticle): Omit<ExtractedArticle, 'textContent'> {
  const { textContent: _plain, ...rest } = article;
  return rest;
}

/**
 * Starts extracting the tab's article while the popup is open, so the click
 * finds it done (utils/prepared-extraction.ts). Only for pages the content
 * script reported as articles: opening the popup on anything else costs the
 * page nothing.
 */
async function prepare(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url;
  if (!url || pageAccess(url) !== 'ok') return;
  if ((await reportFor(tabId, url))?.isArticle) preparedExtractions.prepare(tabId, url);
}

export function registerReaderHandlers(): void {
  handle('reader.prepare', 'extension-page', v.tabRequest, ({ tabId }) => prepare(tabId));
  handle('reader.open', 'extension-page', v.tabRequest, ({ tabId, force }) => openReaderInTab(tabId, force));

  handle('reader.load', 'extension-page', v.readerSource, async (source) => {
    try {
      if (source.kind === 'article') {
        const article = await getArticle(source.id);
        return article ? ok({ source, article: forReader(article), savedId: article.id }) : fail('not-found');
      }
      const view = await getReaderView(source.id);
      if (!view) return fail('not-found');
      const savedId = await findSavedId(view.article.url, view.article.canonicalUrl);
      return ok({ source, article: forReader(view.article), savedId, fix: view.fix ?? null });
    } catch (error) {
      return failureOf(error);
    }
  });
}
