/** Saving from the reader and removing from the popup; the library page reads and changes IndexedDB directly. */
import { saveWithImages } from '../background/save-article';
import { getMeta, removeArticle } from '../db/articles';
import { listBefore } from '../db/library-repository';
import { searchIndex } from '../db/search-index';
import type { ArticleSummary } from '../article/types';
import type { ArticleMeta } from '../library/types';
import { getReaderView } from '../db/reader-views';
import { saveTabArticle } from '../flows';
import { fail, ok } from '../result';
import * as v from '../validate';
import { failureOf, handle } from './register';

export function registerArticleHandlers(): void {
  handle('article.saveTab', 'extension-page', v.tabRequest, ({ tabId }) => saveTabArticle(tabId));

  handle('article.saveView', 'extension-page', v.viewRequest, async ({ viewId }) => {
    try {
      const view = await getReaderView(viewId);
      if (!view) return fail('not-found');
      const { meta, created } = await saveWithImages(view.article);
      return ok({ id: meta.id, created });
    } catch (error) {
      return failureOf(error);
    }
  });

  // Until the library page reads IndexedDB itself (it is an extension page), it lists through here.
  handle('article.list', 'extension-page', v.listQuery, async (query) => {
    try {
      if (query.query) {
        const { hits } = await searchIndex(query.query);
        const metas = await Promise.all(hits.slice(0, query.limit).map((h) => getMeta(h.id)));
        return ok({ items: metas.filter((m): m is ArticleMeta => !!m).map(summaryOf), total: hits.length });
      }
      const items = await listBefore(null, 100_000);
      return ok({ items: items.slice(0, query.limit).map(summaryOf), total: items.length });
    } catch (error) {
      return failureOf(error);
    }
  });

  handle('article.remove', 'extension-page', v.idRequest, async ({ id }) => {
    try {
      return ok({ removed: await removeArticle(id) });
    } catch (error) {
      return failureOf(error);
    }
  });
}

function summaryOf(m: ArticleMeta): ArticleSummary {
  return {
    id: m.id, url: m.url, title: m.title, siteName: m.siteName, byline: m.byline, excerpt: m.excerpt, leadImage: m.leadImage,
    savedAt: m.savedAt, readingTimeMinutes: m.readingTimeMinutes, wordCount: m.wordCount, tags: m.tags,
    archived: m.archivedAt !== undefined, favorite: m.favoritedAt !== undefined,
  };
}
