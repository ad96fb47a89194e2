import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startHighlighter } from '@/utils/content/highlighter';

// Injected on demand by the background (utils/background/live-highlights.ts) into a
// tab's top frame: a "Highlight selection" request, or a saved page with highlights.
export default defineUnlistedScript(() => startHighlighter());
