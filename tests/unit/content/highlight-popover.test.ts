// @vitest-environment jsdom
/**
 * The live page's highlight panel: it follows its highlight as the page
 * scrolls (a nudge of a pixel, as pages make on their own, no longer closes it
 * and takes the keyboard's focus with it), goes once the highlight is off
 * screen, and its Undo notice goes when its time is up. The browser e2e
 * (highlights-live.*) walks the whole panel by mouse and keyboard; these pin
 * the rules. The shadow root is closed: attachShadow is watched to look in.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { browser } from 'wxt/browser';
import { createHighlightPopover, LIVE_UNDO_MS, type HighlightPopover } from '../../../utils/content/highlight-popover';

const noop = () => {};
const CLICK = new DOMRect(10, 10, 0, 0);

describe('the live highlight panel', () => {
  let popover: HighlightPopover;
  let root: ShadowRoot | null;
  let commitRemove: Mock<(id: string) => void>;
  /** Where the test's highlight is on screen; the popover asks through `anchorOf`. */
  let highlight: DOMRect | null;
  const anchorOf = () => highlight;

  const panel = () => root!.querySelector<HTMLElement>('.panel')!;
  const buttonNamed = (name: string) => [...panel().querySelectorAll('button')].find((b) => (b.textContent || b.getAttribute('aria-label')) === name)!;
  const panelFocused = () => document.activeElement?.localName === 'folio-highlight-ui';

  beforeEach(() => {
    vi.useFakeTimers();
    // The fake browser has no i18n: t() falls back to the key.
    vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
    // jsdom has no adoptedStyleSheets: the panel says so, and is unstyled here.
    vi.spyOn(console, 'warn').mockImplementation(noop);
    const attach = HTMLElement.prototype.attachShadow;
    root = null;
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
      root = attach.call(this, init);
      return root;
    });
    document.body.innerHTML = '<p>Story</p>';
    highlight = new DOMRect(40, 300, 200, 20);
    commitRemove = vi.fn<(id: string) => void>();
    popover = createHighlightPopover(document, { recolor: noop, hide: noop, show: noop, commitRemove });
    popover.open('h1', 'blue', anchorOf, CLICK);
  });

  afterEach(() => {
    popover.close();
    document.querySelector('folio-highlight-ui')?.remove();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('opens below its highlight with focus on its colour (seen from the page: on its host)', () => {
    expect(panel().hidden).toBe(false);
    expect(panel().style.top).toBe('328px');
    expect(panelFocused()).toBe(true);
    expect(buttonNamed('libraryColorBlue').getAttribute('aria-pressed')).toBe('true');
  });

  it('the page nudges its scroll by a pixel: still open, still focused, moved with its highlight', () => {
    highlight = new DOMRect(40, 299, 200, 20);
    popover.follow();
    expect(panel().hidden).toBe(false);
    expect(panelFocused()).toBe(true);
    expect(panel().style.top).toBe('327px');
  });

  it('scrolled until the highlight is off screen: the panel goes', () => {
    highlight = new DOMRect(40, -40, 200, 20);
    popover.follow();
    expect(panel().hidden).toBe(true);
  });

  it('where the highlight is cannot be told: the panel stays where it was', () => {
    highlight = null;
    popover.follow();
    expect(panel().hidden).toBe(false);
    expect(panel().style.top).toBe('328px');
  });

  it('the Undo notice goes when its time is up: the removal is stored, no Undo is left to press', () => {
    buttonNamed('liveRemoveHighlight').click();
    expect([...panel().querySelectorAll('button')].map((b) => b.textContent)).toEqual(['undo']);
    vi.advanceTimersByTime(LIVE_UNDO_MS - 1);
    expect(commitRemove).not.toHaveBeenCalled();
    expect(panel().hidden).toBe(false);
    vi.advanceTimersByTime(1);
    expect(commitRemove).toHaveBeenCalledWith('h1');
    expect(panel().hidden).toBe(true);
  });

  it('with no highlight position at all, the first placement is at the click', () => {
    popover.close();
    highlight = null;
    popover.open('h2', 'yellow', anchorOf, new DOMRect(10, 100, 0, 0));
    expect(panel().style.top).toBe('108px');
  });
});
