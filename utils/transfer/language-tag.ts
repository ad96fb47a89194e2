/** A BCP 47-shaped language tag (`en`, `pt-BR`, `zh-Hant-TW`), or null: exports write only tags readers accept. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export function languageTag(value: string | null | undefined): string | null {
  return value && LANGUAGE_TAG.test(value) ? value : null;
}
