import { defineBackground } from 'wxt/utils/define-background';
import { registerCommands } from '@/utils/commands';
import { registerBackground } from '@/utils/handlers';
import { registerMenus } from '@/utils/menus';

// Listeners only, registered synchronously: an event that wakes the worker must find them.
export default defineBackground(() => {
  registerBackground();
  registerMenus();
  registerCommands();
});
