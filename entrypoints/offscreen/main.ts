import { articleFitsHtml, extractFromHtml } from '@/utils/article/parse-html';
import { anchorQuotes } from '@/utils/highlights/anchor-quotes';
import { handle } from '@/utils/handlers/register';
import * as v from '@/utils/validate';

// Chrome's offscreen document: the DOM the service worker lacks, for "Save link to Folio".
handle('offscreen.extract', 'extension-page', v.htmlRequest, async ({ html, url, rule }) => extractFromHtml(html, url, rule ? { rule } : {}));
// Imported highlights (Pocket annotations) find their quotes in a fetched article: utils/background/fetch-queue.ts.
handle('offscreen.anchorQuotes', 'extension-page', v.anchorQuotesRequest, async ({ html, url, quotes }) => anchorQuotes(html, url, quotes));
// A new site rule is tried on another article of the site before it is kept: utils/background/rule-trial.ts.
handle('offscreen.articleFits', 'extension-page', v.articleFitsRequest, async ({ html, url, selector }) => articleFitsHtml(html, url, selector));
