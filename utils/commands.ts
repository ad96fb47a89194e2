/** Keyboard commands (rebindable in the browser's shortcut settings; defaults in wxt.config.ts). */
import { browser } from 'wxt/browser';
import { showActionOutcome } from './action-state';
import { highlightSelection } from './background/live-highlights';
import { openLibrary, openReaderInTab, originalOfReader, saveTabArticle } from './flows';
import { exposeForTests } from './test-hook';

export const COMMAND = {
  toggleReader: 'toggle-reader',
  savePage: 'save-page',
  openLibrary: 'open-library',
  highlightSelection: 'highlight-selection',
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
  } else if (command === COMMAND.highlightSelection) {
    const done = await highlightSelection(tab.id);
    if (!done.ok) await showActionOutcome(tab.id, done);
  }
}

export function registerCommands(): void {
  exposeForTests({ command: onCommand });
  browser.commands.onCommand.addListener((command) => void onCommand(command));
}
