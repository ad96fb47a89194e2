/** Every background listener, registered synchronously when the worker starts. */
import { registerArticleHandlers } from './articles';
import { registerLiveHighlightHandlers } from './live-highlights';
import { registerFetchQueueHandlers } from './fetch-queue';
import { registerFixHandlers } from './fix';
import { registerPageHandlers } from './page';
import { registerReaderHandlers } from './reader';
import { registerSiteFontHandlers } from './site-font';
import { registerTabHandlers } from './tab';
import { registerTabLifecycle } from './tabs-lifecycle';

export function registerBackground(): void {
  registerPageHandlers();
  registerTabHandlers();
  registerReaderHandlers();
  registerArticleHandlers();
  registerSiteFontHandlers();
  registerLiveHighlightHandlers();
  registerTabLifecycle();
  registerFetchQueueHandlers();
  registerFixHandlers();
}
