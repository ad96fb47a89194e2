/** The library: save, list, get, remove. */
import { getArticle, listArticles, removeArticle, saveArticle } from '../db/articles';
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
      const { article, created } = await saveArticle(view.article);
      return ok({ id: article.id, created });
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

  handle('article.get', 'extension-page', v.idRequest, async ({ id }) => {
    try {
      const article = await getArticle(id);
      return article ? ok(article) : fail('not-found');
    } catch (error) {
      return failureOf(error);
    }
  });

  handle('article.list', 'extension-page', v.listQuery, async (query) => {
    try {
      return ok(await listArticles(query));
    } catch (error) {
      return failureOf(error);
    }
  });
}
