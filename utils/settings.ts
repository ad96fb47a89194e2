/**
 * User preferences. Reading preferences live in storage.sync so they follow the
 * user to other browsers signed into the same account; every open page watches
 * them, so a change applies live everywhere.
 */
import { storage } from 'wxt/utils/storage';
import type { HighlightColor } from './highlights/types';

/** Reader body text sizes in px: small steps where people read, bigger ones at the ends. */
export const FONT_SIZES = [14, 15, 16, 17, 18, 19, 20, 22, 24, 27, 30, 34] as const;
export const DEFAULT_FONT_SIZE = 19;

export const readerFontSize = storage.defineItem<number>('sync:reader.fontSize', {
  fallback: DEFAULT_FONT_SIZE,
  version: 1,
});

/** The next size up or down from `current`, staying inside FONT_SIZES. */
export function stepFontSize(current: number, direction: 1 | -1): number {
  if (direction > 0) return FONT_SIZES.find((s) => s > current) ?? FONT_SIZES[FONT_SIZES.length - 1]!;
  return [...FONT_SIZES].reverse().find((s) => s < current) ?? FONT_SIZES[0];
}

export function canStep(current: number, direction: 1 | -1): boolean {
  return stepFontSize(current, direction) !== current;
}

/*
 * Reader typography and theme. Each is a small closed set of named choices, not
 * a free number: a value synced from another version of Folio or edited by hand
 * falls back to the default (see `oneOf`) instead of breaking the page.
 */
export const FONT_FAMILIES = ['serif', 'sans', 'legible', 'dyslexic'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];
export const DEFAULT_FONT_FAMILY: FontFamily = 'serif';

export const LINE_HEIGHTS = ['compact', 'normal', 'relaxed', 'loose'] as const;
export type LineHeight = (typeof LINE_HEIGHTS)[number];
export const DEFAULT_LINE_HEIGHT: LineHeight = 'normal';

export const CONTENT_WIDTHS = ['narrow', 'medium', 'wide'] as const;
export type ContentWidth = (typeof CONTENT_WIDTHS)[number];
export const DEFAULT_CONTENT_WIDTH: ContentWidth = 'medium';

export const THEMES = ['light', 'sepia', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
export const DEFAULT_THEME: Theme = 'auto';

export const readerFontFamily = storage.defineItem<FontFamily>('sync:reader.fontFamily', {
  fallback: DEFAULT_FONT_FAMILY,
  version: 1,
});
export const readerLineHeight = storage.defineItem<LineHeight>('sync:reader.lineHeight', {
  fallback: DEFAULT_LINE_HEIGHT,
  version: 1,
});
export const readerContentWidth = storage.defineItem<ContentWidth>('sync:reader.contentWidth', {
  fallback: DEFAULT_CONTENT_WIDTH,
  version: 1,
});
export const readerTheme = storage.defineItem<Theme>('sync:reader.theme', { fallback: DEFAULT_THEME, version: 1 });

/** `value` when it is one of `choices`, else `fallback`. */
export function oneOf<T extends string>(choices: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (choices as readonly string[]).includes(value) ? (value as T) : fallback;
}


/** How many MB of images one saved article may keep for offline reading (library setting). */
export const DEFAULT_IMAGE_CAP_MB = 20;
export const offlineImageCapMB = storage.defineItem<number>('sync:library.imageCapMB', { fallback: DEFAULT_IMAGE_CAP_MB, version: 1 });

/** A usable cap in bytes from whatever the setting holds (0 keeps no images). */
export function imageCapBytes(value: unknown): number {
  const mb = typeof value === 'number' && Number.isFinite(value) ? Math.min(500, Math.max(0, value)) : DEFAULT_IMAGE_CAP_MB;
  return Math.round(mb * 1024 * 1024);
}

/**
 * The colour the last highlight was made in, in the reader or on the live page:
 * the reader's `h`, a new highlight and "Highlight selection" use it (one
 * setting, so both places agree). Yellow until one is chosen; read through
 * `oneOf`/`isHighlightColor`, since storage.sync can hold anything.
 */
export const lastHighlightColor = storage.defineItem<HighlightColor>('sync:highlights.lastColor', { fallback: 'yellow', version: 1 });
