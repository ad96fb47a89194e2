import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchSiteFont } from '@/utils/content/live-font';
import { reportPage } from '@/utils/content/report-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    reportPage();
    // Text scale the user chose for this site in the popup (nothing to do on sites never resized).
    watchSiteFont();
    // Single-page sites change articles without a page load.
    ctx.addEventListener(window, 'wxt:locationchange', () => reportPage());
  },
});
