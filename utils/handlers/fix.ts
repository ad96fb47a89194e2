/** "Fix this page": the popup and the reader start a pick, the injected picker answers, the reader removes parts and forgets rules. */
import { browser } from 'wxt/browser';
import { cancelPick, forgetRule, onTabLoaded, pickInTab, pickOnOriginal, removeParts, restoreRule, usePick } from '../background/fix-page';
import { fail } from '../result';
import * as v from '../validate';
import { failureOf, handle } from './register';

export function registerFixHandlers(): void {
  handle('fix.pickTab', 'extension-page', v.tabRequest, ({ tabId }) => pickInTab(tabId));

  // The reader's own tab goes back to its page: the tab comes from the sender, not the payload.
  handle('fix.pickOriginal', 'extension-page', v.fixPickOriginal, async ({ source }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return fail('invalid', 'fix.pickOriginal: not sent from a tab');
    return pickOnOriginal(tabId, source);
  });

  // From the picker in a page (a content script's world): its own tab and page only, top frame showing it now.
  handle('fix.use', 'content-script', v.fixUse, async (choice, sender) => {
    if (!v.isActiveTopFrame(sender)) return fail('invalid', 'fix.use: not the active top frame');
    return usePick(sender.tab!.id!, sender.url!, choice);
  });
  handle('fix.cancel', 'content-script', v.noPayload, async (_none, sender) => {
    if (v.isActiveTopFrame(sender)) await cancelPick(sender.tab!.id!);
  });

  handle('fix.removeParts', 'extension-page', v.removeParts, async ({ source, ...edit }) => {
    try {
      return await removeParts(source, edit);
    } catch (error) {
      return failureOf(error);
    }
  });
  handle('fix.forget', 'extension-page', v.siteRequest, ({ site }) => forgetRule(site));
  handle('fix.restore', 'extension-page', v.ruleRestore, ({ rule }) => restoreRule(rule));

  // A reader that asked for its original page: the picker comes up once that page has loaded.
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.status !== 'complete') return;
    void onTabLoaded(tabId, tab.url).catch((error: unknown) => console.warn('[folio] fix: the picker could not start', error));
  });
}
