/** Saving from the reader and removing from the popup; the library page reads and changes IndexedDB directly. */
import { saveWithImages } from '../background/save-article';
import { removeArticle } from '../db/article-records';
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

  handle('article.remove', 'extension-page', v.idRequest, async ({ id }) => {
    try {
      return ok({ removed: await removeArticle(id) });
    } catch (error) {
      return failureOf(error);
    }
  });
}

