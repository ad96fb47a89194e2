/**
 * Test hook: puppeteer cannot click native context menus or press the browser's
 * own shortcuts, so e2e tests call the same handlers through the background
 * (Chromium: worker.evaluate; Firefox: runtime.getBackgroundPage() from an
 * extension page). It lives on the background's own global scope, which no web
 * page or content script can reach, and does nothing a real click or key could not.
 *
 * Only the test build has it (FOLIO_TEST_BUILD=1 → .output-test/, wxt.config.ts):
 * in the build users install `import.meta.env.FOLIO_TEST_HOOK` is the constant
 * `false` and the bundler removes the body. tests/build/no-test-hook.test.ts
 * checks the shipped bundles for it.
 */
import type { Browser } from 'wxt/browser';

export interface FolioTestHook {
  menuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void>;
  command(name: string): Promise<void>;
}

declare global {
  interface ImportMetaEnv {
    /** True only in the e2e test build (wxt.config.ts `define`). */
    readonly FOLIO_TEST_HOOK?: boolean;
  }
}

export function exposeForTests(part: Partial<FolioTestHook>): void {
  if (import.meta.env.FOLIO_TEST_HOOK) {
    const scope = globalThis as { folioTest?: Partial<FolioTestHook> };
    scope.folioTest = { ...scope.folioTest, ...part };
  }
}
