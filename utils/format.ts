/**
 * Dates for people: in the browser's UI language (the language Folio's own
 * strings are in), never a hard-coded format.
 */
import { browser } from 'wxt/browser';

function uiLocale(): string | undefined {
  try {
    return browser.i18n.getUILanguage() || undefined;
  } catch {
    return undefined;
  }
}

/** "25 October 2025" (long) or "Oct 25, 2025" (medium); null for a missing or unparsable date. */
export function formatDate(value: string | number | null | undefined, style: 'long' | 'medium' = 'long'): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(uiLocale(), { dateStyle: style }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: style }).format(date);
  }
}

/** The machine-readable form for <time datetime>. */
export function isoDate(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
