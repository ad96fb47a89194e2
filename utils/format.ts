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

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per style: building an Intl.DateTimeFormat costs more than formatting (the library formats two dates per row). */
function dateFormat(style: 'long' | 'medium'): Intl.DateTimeFormat {
  let format = dateFormats.get(style);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(uiLocale(), { dateStyle: style });
    } catch {
      format = new Intl.DateTimeFormat(undefined, { dateStyle: style });
    }
    dateFormats.set(style, format);
  }
  return format;
}

/** "25 October 2025" (long) or "Oct 25, 2025" (medium); null for a missing or unparsable date. */
export function formatDate(value: string | number | null | undefined, style: 'long' | 'medium' = 'long'): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return dateFormat(style).format(date);
}

/** The machine-readable form for <time datetime>. */
export function isoDate(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** "12.4 MB", "2.1 GB": decimal units as storage figures are usually shown, in the UI language. */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  const digits = value >= 100 ? 0 : 1;
  try {
    return new Intl.NumberFormat(uiLocale(), { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  } catch {
    return `${value.toFixed(digits)} ${['B', 'kB', 'MB', 'GB', 'TB'][unit]}`;
  }
}
