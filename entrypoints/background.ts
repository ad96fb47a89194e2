import { defineBackground } from 'wxt/utils/define-background';
import { registerFetchQueue } from '@/utils/background/fetch-queue-browser';
import { registerCommands } from '@/utils/commands';
import { registerBackground } from '@/utils/handlers';
import { registerMenus } from '@/utils/menus';

// Listeners only, registered synchronously: an event that wakes the worker must find them.
export default defineBackground(() => {
  registerBackground();
  registerMenus();
  registerCommands();
  registerFetchQueue();
});
