/** Every background listener, registered synchronously when the worker starts. */
import { addHighlight } from '../db/highlights';
import { exposeForTests } from '../test-hook';
import { registerArticleHandlers } from './articles';
import { registerLiveHighlightHandlers } from './live-highlights';
import { registerFetchQueueHandlers } from './fetch-queue';
import { registerPageHandlers } from './page';
import { registerReaderHandlers } from './reader';
import { registerSiteFontHandlers } from './site-font';
import { registerTabHandlers } from './tab';
import { registerTabLifecycle } from './tabs-lifecycle';

export function registerBackground(): void {
  exposeForTests({ addHighlight: (input) => addHighlight(input) });
  registerPageHandlers();
  registerTabHandlers();
  registerReaderHandlers();
  registerArticleHandlers();
  registerSiteFontHandlers();
  registerLiveHighlightHandlers();
  registerTabLifecycle();
  registerFetchQueueHandlers();
}
