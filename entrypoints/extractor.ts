import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractInPage } from '@/utils/article/extract-in-page';

// Injected on demand by the background (utils/extract-in-tab.ts); its return value
// is the injection's result.
export default defineUnlistedScript(() => extractInPage());
