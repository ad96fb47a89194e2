/** Keyboard commands (rebindable in the browser's shortcut settings; defaults in wxt.config.ts). */
import { browser } from 'wxt/browser';
import { showActionOutcome } from './action-state';
import { openLibrary, openReaderInTab, saveTabArticle } from './flows';

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
    // In the reader, the same keys take the user back to the page.
    if (tab.url?.startsWith(browser.runtime.getURL('/reader.html'))) {
      await browser.tabs.goBack(tab.id).catch(() => undefined);
      return;
    }
    const opened = await openReaderInTab(tab.id);
    if (!opened.ok) await showActionOutcome(tab.id, opened);
  } else if (command === COMMAND.savePage) {
    await showActionOutcome(tab.id, await saveTabArticle(tab.id));
  }
}

export function registerCommands(): void {
  browser.commands.onCommand.addListener((command) => void onCommand(command));
}
