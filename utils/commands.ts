/** Keyboard commands (rebindable in the browser's shortcut settings; defaults in wxt.config.ts). */
import { browser } from 'wxt/browser';
import { showActionOutcome } from './action-state';
import { openLibrary, openReaderInTab, originalOfReader, saveTabArticle } from './flows';
import { exposeForTests } from './test-hook';

export const COMMAND = {
  toggleReader: 'toggle-reader',
  savePage: 'save-page',
  openLibrary: 'open-library',
} as const;

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function onCommand(command: string): Promise<void> {
  if (command === COMMAND.openLibrary) return openLibrary();
  const tab = await activeTab();
  if (tab?.id === undefined) return;
  if (command === COMMAND.toggleReader) {
    // In the reader, the same keys take the user back to the page. By its URL, not
    // tabs.goBack: Chromium skips history entries the user never interacted with,
    // which can land on the page before the article.
    const original = await originalOfReader(tab.url);
    if (original) {
      await browser.tabs.update(tab.id, { url: original });
      return;
    }
    if (tab.url?.startsWith(browser.runtime.getURL('/reader.html'))) return;
    const opened = await openReaderInTab(tab.id);
    if (!opened.ok) await showActionOutcome(tab.id, opened);
  } else if (command === COMMAND.savePage) {
    await showActionOutcome(tab.id, await saveTabArticle(tab.id));
  }
}

export function registerCommands(): void {
  exposeForTests({ command: onCommand });
  browser.commands.onCommand.addListener((command) => void onCommand(command));
}
