// @vitest-environment jsdom
/**
 * When the content script reports the page again: back/forward-cache restores,
 * history navigations and SPA route changes, debounced, and never for an
 * unchanged URL. jsdom has no Navigation API, so the interaction fallback is
 * what runs here; a stand-in `navigation` object covers the other path.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION_CHECKS_MS, SETTLE_MS, watchPage, type PageChange } from '../../../utils/content/page-watch';

const START = '/news/start';

describe('watchPage', () => {
  let changes: PageChange[];
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    history.replaceState(null, '', START);
    changes = [];
  });
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
  });

  it('a pageshow from the back/forward cache is a restore; an ordinary pageshow is nothing', () => {
    stop = watchPage(window, (c) => changes.push(c));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    expect(changes).toEqual([]);
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    expect(changes).toEqual(['restored']);
  });

  it('a pushState the page makes is seen after the next click, once the route settles', () => {
    stop = watchPage(window, (c) => changes.push(c));
    history.pushState(null, '', '/news/story-1');
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    vi.advanceTimersByTime(ACTION_CHECKS_MS[0]! - 1);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(ACTION_CHECKS_MS[0]! + SETTLE_MS + 1);
    expect(changes).toEqual(['url']);
  });

  it('a router that navigates late (after a fetch) is caught by the later check', () => {
    stop = watchPage(window, (c) => changes.push(c));
    document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    vi.advanceTimersByTime(ACTION_CHECKS_MS[0]! + SETTLE_MS + 10);
    expect(changes).toEqual([]);
    history.pushState(null, '', '/news/story-late');
    vi.advanceTimersByTime(ACTION_CHECKS_MS.at(-1)! + SETTLE_MS);
    expect(changes).toEqual(['url']);
  });

  it('clicks and history events that leave the URL as it was report nothing', () => {
    stop = watchPage(window, (c) => changes.push(c));
    for (let i = 0; i < 5; i++) document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    vi.advanceTimersByTime(5000);
    expect(changes).toEqual([]);
  });

  it('popstate (Back/Forward within the page) reports the new URL, debounced to one report', () => {
    stop = watchPage(window, (c) => changes.push(c));
    history.pushState(null, '', '/news/a');
    history.pushState(null, '', '/news/b');
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    vi.advanceTimersByTime(SETTLE_MS + 1);
    expect(changes).toEqual(['url']);
  });

  it('with the Navigation API, every entry change is considered, bursts give one report, no clicks needed', () => {
    const navigation = new EventTarget();
    const win = Object.create(window, { navigation: { value: navigation }, location: { get: () => window.location } }) as Window;
    // Listeners go on the real window; only `navigation` is the stand-in.
    win.addEventListener = window.addEventListener.bind(window);
    win.removeEventListener = window.removeEventListener.bind(window);
    stop = watchPage(win, (c) => changes.push(c));
    for (let i = 0; i < 10; i++) {
      history.replaceState(null, '', `/news/scrolling?p=${i}`);
      navigation.dispatchEvent(new Event('currententrychange'));
      vi.advanceTimersByTime(50);
    }
    vi.advanceTimersByTime(SETTLE_MS);
    expect(changes).toEqual(['url']);
    navigation.dispatchEvent(new Event('currententrychange'));
    vi.advanceTimersByTime(SETTLE_MS * 2);
    expect(changes).toEqual(['url']);
  });

  it('stops watching when asked', () => {
    watchPage(window, (c) => changes.push(c))();
    stop = () => undefined;
    history.pushState(null, '', '/news/after-stop');
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    vi.advanceTimersByTime(5000);
    expect(changes).toEqual([]);
  });
});
