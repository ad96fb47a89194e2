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
};

export function errorText(code: ErrorCode): string {
  return t(ERROR_KEYS[code]);
}
