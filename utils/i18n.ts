/**
 * Every user-facing string goes through the browser's i18n, so a translation is a
 * new _locales folder and no code change. Keys are typed from the English file.
 */
import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';
import type { ErrorCode } from './result';

export type MessageKey = keyof typeof english;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  // Empty only outside a real extension (unit tests): the key is a readable stand-in.
  return text || key;
}

const ERROR_KEYS: Record<ErrorCode, MessageKey> = {
  'restricted-page': 'errorRestricted',
  'not-an-article': 'errorNotAnArticle',
  'extraction-failed': 'errorExtraction',
  'not-found': 'errorNotFound',
  'blocked-address': 'errorBlockedAddress',
  quota: 'errorQuota',
  storage: 'errorStorage',
  invalid: 'errorInvalid',
  'no-selection': 'errorNoSelection',
};

export function errorText(code: ErrorCode): string {
  return t(ERROR_KEYS[code]);
}

/**
 * What to tell the user when opening or changing the library failed. Matched by
 * error name, not class, so pages that never open the database (the popup)
 * don't pull the database code in with this file.
 */
export function libraryErrorText(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'DatabaseTooNewError') return t('errorDatabaseTooNew');
  if (name === 'UpgradeFailedError') return t('errorUpgradeFailed');
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return t('errorQuota');
  return t('errorStorage');
}

/** What to tell the user when an export failed (a cancelled export is not a failure: the dialog says so). */
export function exportErrorText(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || name === 'NotReadableError') return t('exportQuota');
  if (name === 'DatabaseTooNewError' || name === 'UpgradeFailedError') return libraryErrorText(error);
  const reason = error instanceof Error && error.message ? error.message : t('errorStorage');
  return t('exportFailed', reason);
}
