/**
 * When the page the content script reported is no longer the page on screen.
 *
 * - Back/forward cache: `pageshow` with `persisted` (the page was frozen, not
 *   reloaded, so nothing else would run again: the popup said "This page
 *   doesn't look like an article" after "Back to original" until a reload).
 * - Same-document navigations: a content script lives in an isolated world
 *   and cannot see the page's own `history.pushState` calls (patching them
 *   would need code in the page's world, which the page could watch). Where
 *   the Navigation API exists, `navigation`'s `currententrychange` fires in
 *   every world for pushState, replaceState, back/forward and hash changes:
 *   no polling at all. Elsewhere, `popstate` and `hashchange`, plus a look at
 *   `location.href` shortly after each click, key press or form submission:
 *   SPA route changes follow user actions, and comparing one string costs
 *   nothing, so an idle page costs nothing (no timer runs between actions).
 *
 * Bursts (a router that calls replaceState on every scroll step, a click that
 * pushes twice) are debounced, and an unchanged URL is not reported as a
 * change. This replaces WXT's content-script context: its location watcher
 * polls every second and announces changes with a `wxt:locationchange` event
 * on the page's window, and the context posts a `…:content-script-started`
 * message to the page: the page could see Folio and forge both.
 */

/** Quiet time after the last navigation signal before the URL is compared (a route renders meanwhile). */
export const SETTLE_MS = 300;
/** After a user action, when to look at the URL: a router may navigate after a fetch. */
export const ACTION_CHECKS_MS: readonly number[] = [SETTLE_MS, 1500];

export type PageChange = 'restored' | 'url';

/** The slice of the Navigation API used here (not in TypeScript 5.9's DOM types). */
interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void): void;
  removeEventListener(type: 'currententrychange', listener: () => void): void;
}

/**
 * Calls `onChange('restored')` when the page comes back from the back/forward
 * cache and `onChange('url')` when its URL changed without a page load.
 * Returns a function that stops watching.
 */
export function watchPage(win: Window, onChange: (change: PageChange) => void): () => void {
  let seen = win.location.href;
  let settle: ReturnType<typeof setTimeout> | undefined;
  const stops: (() => void)[] = [];
  const on = (target: EventTarget, type: string, listener: EventListener) => {
    target.addEventListener(type, listener, { capture: true, passive: true });
    stops.push(() => target.removeEventListener(type, listener, { capture: true }));
  };

  const compare = () => {
    settle = undefined;
    const now = win.location.href;
    if (now === seen) return;
    seen = now;
    onChange('url');
  };
  const soon = () => {
    if (settle !== undefined) clearTimeout(settle);
    settle = setTimeout(compare, SETTLE_MS);
  };

  on(win, 'pageshow', (event) => {
    if (!(event as PageTransitionEvent).persisted) return;
    // A restored page may also be at another URL than last seen (it was frozen mid-route).
    seen = win.location.href;
    onChange('restored');
  });
  on(win, 'popstate', soon);
  on(win, 'hashchange', soon);

  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', soon);
    stops.push(() => navigation.removeEventListener('currententrychange', soon));
  } else {
    const afterAction = () => {
      for (const ms of ACTION_CHECKS_MS) setTimeout(() => win.location.href !== seen && soon(), ms);
    };
    for (const type of ['click', 'keyup', 'submit']) on(win, type, afterAction);
  }

  return () => {
    if (settle !== undefined) clearTimeout(settle);
    for (const stop of stops) stop();
  };
}
