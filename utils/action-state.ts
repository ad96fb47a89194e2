/**
 * The toolbar button shows, per tab, whether the page is an article: full-colour
 * icon and a telling tooltip when it is, the idle icon otherwise.
 */
import { browser } from 'wxt/browser';
import { errorText, t } from './i18n';
import type { Result } from './result';
import { serialiseTab } from './tab-state';

const ICONS = {
  active: { 16: '/toolbar/active-16.png', 32: '/toolbar/active-32.png' },
  idle: { 16: '/toolbar/idle-16.png', 32: '/toolbar/idle-32.png' },
};

/**
 * `keepOutcome`: a page's (re-)report must not wipe the badge and tooltip of an
 * action the user just took on that page ("Save link" refused, saved ✓): those
 * go when the tab navigates, which calls this without it.
 */
export async function showArticleState(tabId: number, isArticle: boolean, options: { keepOutcome?: boolean } = {}): Promise<void> {
  const state = isArticle ? 'active' : 'idle';
  if (options.keepOutcome && (await browser.action.getBadgeText({ tabId }).catch(() => '')) !== '') {
    await browser.action.setIcon({ tabId, path: ICONS[state] }).catch(() => undefined);
    return;
  }
  await Promise.all([
    browser.action.setTitle({ tabId, title: t(isArticle ? 'actionTitleArticle' : 'actionTitle') }),
    browser.action.setBadgeText({ tabId, text: '' }),
    // The icon is cosmetic: a missing file must not break the title update.
    browser.action.setIcon({ tabId, path: ICONS[state] }).catch(() => undefined),
  ]);
}

/**
 * Feedback for actions started without the popup (menus, shortcuts): a badge on
 * the tab — a check mark when saved, "!" with the reason in the tooltip when not.
 * It clears when the tab navigates (utils/handlers/tabs-lifecycle.ts).
 */
export async function showActionOutcome(tabId: number, outcome: Result<unknown>): Promise<void> {
  // In the tab's queue: a page report keeps an outcome by reading the badge and then writing the
  // icon and title; an outcome landing between that read and write was wiped (seen 1 run in 12).
  await serialiseTab(tabId, () =>
    Promise.all([
      browser.action.setBadgeBackgroundColor({ tabId, color: outcome.ok ? '#2f6f4f' : '#b3261e' }),
      browser.action.setBadgeText({ tabId, text: outcome.ok ? '✓' : '!' }),
      browser.action.setTitle({ tabId, title: outcome.ok ? t('badgeSaved') : errorText(outcome.code) }),
    ]),
  ).catch(() => undefined);
}
