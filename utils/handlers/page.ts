/** Reports from the always-on content script. */
import { showArticleState } from '../action-state';
import { serialiseTab, setReport } from '../tab-state';
import * as v from '../validate';
import { handle } from './register';

export function registerPageHandlers(): void {
  handle('page.report', 'content-script', v.pageReport, async (report, sender) => {
    const tabId = sender.tab!.id!;
    await serialiseTab(tabId, async () => {
      await setReport(tabId, report);
      await showArticleState(tabId, report.isArticle);
    });
  });
}
