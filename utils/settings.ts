/**
 * User preferences. Reading preferences live in storage.sync so they follow the
 * user to other browsers signed into the same account; every open page watches
 * them, so a change applies live everywhere.
 */
import { storage } from 'wxt/utils/storage';

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
