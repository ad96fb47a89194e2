import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPicker } from '@/utils/content/picker';

// Injected on demand by the background (utils/background/fix-page.ts) into a tab's
// top frame when the user asks to fix the page (reader or popup).
export default defineUnlistedScript(() => startPicker());
