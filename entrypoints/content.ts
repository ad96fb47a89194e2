import { defineContentScript } from 'wxt/utils/define-content-script';
import { reportPage } from '@/utils/content/report-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    reportPage();
    // Single-page sites change articles without a page load.
    ctx.addEventListener(window, 'wxt:locationchange', () => reportPage());
  },
});
