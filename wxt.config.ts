import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import tailwindcss from '@tailwindcss/vite';
import { extensionPagesCsp } from './utils/extension-csp';

// Gecko id is fixed so Firefox keeps the same storage across installs and tests
// can pin the moz-extension:// UUID.
export const GECKO_ID = 'folio@folio-reader.org';

/**
 * FOLIO_TEST_BUILD=1 (`npm run build:test`) builds the variant the e2e tests run
 * against: the same code plus utils/test-hook.ts's handlers on the background's
 * global (puppeteer cannot click native menus or press browser shortcuts). It goes
 * to its own folder so a test build can never be mistaken for the one users get;
 * tests/build/no-test-hook.test.ts fails if the hook reaches .output/.
 */
const TEST_BUILD = process.env.FOLIO_TEST_BUILD === '1';

export default defineConfig({
  // Explicit imports everywhere: a reader of any file sees where each name comes from.
  imports: false,
  // Parallel builds (several developers or test runs on one machine) each get their own folder.
  outDir: process.env.FOLIO_OUT_DIR || (TEST_BUILD ? '.output-test' : '.output'),
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 in both browsers: one code path (action, scripting, storage.session) and the
  // same "the background may die at any time" discipline. Firefox runs it as an
  // event page (background.scripts), which ESR 153 supports.
  manifestVersion: 3,
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    short_name: 'Folio',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage', 'unlimitedStorage', 'scripting', 'tabs', 'contextMenus',
      // Imported links download in the background from a queue in IndexedDB; alarms wake the
      // worker to resume it (MV3 stops idle workers, so no timer in memory could).
      'alarms',
      // Chrome's worker has no DOM: "Save link to Folio" parses in an offscreen document.
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    host_permissions: ['http://*/*', 'https://*/*'],
    // The always-on content script is an unlisted script (entrypoints/detector.ts) listed here
    // by hand: as a WXT content-script entrypoint it would get WXT's context, which posts a
    // "…:content-script-started" message to the page and trusts "wxt:locationchange" events
    // the page can forge. utils/content/page-watch.ts follows navigations instead.
    // document_start, not document_idle: Chromium holds a page's load event for document_idle
    // scripts, by 1.5 s on a page of 100,000 elements even for an empty script (measured
    // 2026-12-02); a script injected at the start costs nothing there. It only registers
    // listeners then, and detects after the load event, on idle (report-page.ts).
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['detector.js'], run_at: 'document_start' }],
    action: {
      default_title: '__MSG_actionTitle__',
      default_icon: { 16: 'toolbar/idle-16.png', 32: 'toolbar/idle-32.png' },
    },
    commands: {
      'toggle-reader': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_commandToggleReader__' },
      'save-page': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandSavePage__' },
      'open-library': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandOpenLibrary__' },
      // Chrome allows four suggested keys: this is the fourth.
      'highlight-selection': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_commandHighlightSelection__' },
    },
    // What the pages may load, frame, fetch and style: see utils/extension-csp.ts.
    content_security_policy: {
      extension_pages: extensionPagesCsp(command),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  // The sources zip for addons.mozilla.org ignores .gitignore: keep generated folders out.
  zip: {
    excludeSources: ['screenshots/**', 'bench-results/**', 'coverage/**', '.tmp/**', 'test-results/**'],
  },
  hooks: {
    // WXT builds all HTML pages in one Vite build, so code they share becomes
    // shared chunks: the reader loaded 11 scripts and 2 stylesheets. Opening
    // an extension page pays per file it loads, and the reader is on the
    // "Open reader view" critical path, so it gets a build of its own: one
    // script, one stylesheet (measured: the reader's scripts ran ~20 ms
    // sooner in scripts/bench/reader.ts). The other pages keep sharing.
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group)) continue;
        const index = group.findIndex((entry) => entry.name === 'reader');
        if (index >= 0 && group.length > 1) groups.push(group.splice(index, 1));
      }
    },
  },
  vite: () => ({
    plugins: [preact(), tailwindcss()],
    // A constant, so the production bundle drops the hook's code entirely (not just skips it).
    define: { 'import.meta.env.FOLIO_TEST_HOOK': JSON.stringify(TEST_BUILD) },
  }),
});
