import { extractFromHtml } from '@/utils/article/parse-html';
import { handle } from '@/utils/handlers/register';
import * as v from '@/utils/validate';

// Chrome's offscreen document: the DOM the service worker lacks, for "Save link to Folio".
handle('offscreen.extract', 'extension-page', v.htmlRequest, async ({ html, url }) => extractFromHtml(html, url));
