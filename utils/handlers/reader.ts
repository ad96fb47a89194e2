/** Opening and loading the reader view. */
import { findIdByUrl, getArticle } from '../db/articles';
import { getReaderView } from '../db/reader-views';
import { openReaderInTab } from '../flows';
import { fail, ok } from '../result';
import * as v from '../validate';
import { failureOf, handle } from './register';

export function registerReaderHandlers(): void {
  handle('reader.open', 'extension-page', v.tabRequest, ({ tabId, force }) => openReaderInTab(tabId, force));

  handle('reader.load', 'extension-page', v.readerSource, async (source) => {
    try {
      if (source.kind === 'article') {
        const article = await getArticle(source.id);
        return article ? ok({ source, article, savedId: article.id }) : fail('not-found');
      }
      const view = await getReaderView(source.id);
      if (!view) return fail('not-found');
      const savedId = (await findIdByUrl(view.article.canonicalUrl)) ?? (await findIdByUrl(view.article.url));
      return ok({ source, article: view.article, savedId });
    } catch (error) {
      return failureOf(error);
    }
  });
}
