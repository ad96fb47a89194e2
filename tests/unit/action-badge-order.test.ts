/**
 * A page report keeps the badge of an action the user just took (keepOutcome):
 * it reads the badge, then writes icon and title. An outcome that lands between
 * that read and that write must survive. The e2e menus test met this race about
 * one run in twelve; here the read is held open so the interleaving is certain.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { showActionOutcome, showArticleState } from '../../utils/action-state';
import { serialiseTab } from '../../utils/tab-state';

const TAB = 7;

function fakeAction() {
  const badge = new Map<number, string>();
  let releaseRead: (() => void) | null = null;
  let holdNextRead = false;
  const action = {
    getBadgeText: vi.fn(async ({ tabId }: { tabId: number }) => {
      const now = badge.get(tabId) ?? '';
      if (holdNextRead) {
        holdNextRead = false;
        await new Promise<void>((resolve) => (releaseRead = resolve));
      }
      return now;
    }),
    setBadgeText: vi.fn(async ({ tabId, text }: { tabId: number; text: string }) => void badge.set(tabId, text)),
    setBadgeBackgroundColor: vi.fn(async () => undefined),
    setTitle: vi.fn(async () => undefined),
    setIcon: vi.fn(async () => undefined),
  };
  Object.assign(browser, { action });
  vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
  return {
    badge: () => badge.get(TAB) ?? '',
    holdNextRead: () => (holdNextRead = true),
    releaseRead: () => releaseRead?.(),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('toolbar badge: outcome and page report', () => {
  it('an outcome that arrives while a report is checking the badge is not wiped by that report', async () => {
    const fake = fakeAction();
    fake.holdNextRead();
    // As utils/handlers/page.ts runs a report: in the tab's queue.
    const report = serialiseTab(TAB, () => showArticleState(TAB, false, { keepOutcome: true }));
    await new Promise((resolve) => setTimeout(resolve, 0)); // the report is now reading the badge ('')
    const outcome = showActionOutcome(TAB, { ok: false, code: 'blocked-address', detail: 'test' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    fake.releaseRead();
    await Promise.all([report, outcome]);
    expect(fake.badge()).toBe('!');
  });

  it('positive control: a report with no outcome pending clears the badge of a navigated tab', async () => {
    const fake = fakeAction();
    await showActionOutcome(TAB, { ok: true, value: null });
    expect(fake.badge()).toBe('✓');
    await serialiseTab(TAB, () => showArticleState(TAB, false));
    expect(fake.badge()).toBe('');
  });
});
