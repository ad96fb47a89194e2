/**
 * The always-on content script (listed in the manifest by wxt.config.ts, see
 * there why it is not a WXT content-script entrypoint): detection and the live
 * page's text scale, nothing else.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { watchSiteFont } from '@/utils/content/live-font';
import { watchPage } from '@/utils/content/page-watch';
import { answerReadingTime, reportAgain, reportPage } from '@/utils/content/report-page';

export default defineUnlistedScript(() => {
  reportPage();
  answerReadingTime();
  // Text scale the user chose for this site in the popup (nothing to do on sites never resized).
  watchSiteFont();
  // Back/forward cache, history navigations and single-page sites' route changes.
  watchPage(window, (change) => (change === 'restored' ? reportAgain() : reportPage()));
});
