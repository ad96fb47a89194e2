/**
 * Strings in code-unit order: JavaScript's default string order, which is also
 * IndexedDB's order for string keys (so a list sorted with it walks a store's
 * keys in order). Not locale-aware on purpose: the order must not depend on
 * the user's language.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
