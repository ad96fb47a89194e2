/**
 * The reader's typography and theme as signals, each mirroring one storage.sync
 * item. Every open reader tab watches the same items, so a change made in one
 * tab (or synced from another browser) re-styles all of them live.
 */
import { signal, type Signal } from '@preact/signals';
import type { WxtStorageItem } from 'wxt/utils/storage';
import {
  CONTENT_WIDTHS, DEFAULT_CONTENT_WIDTH, DEFAULT_FONT_FAMILY, DEFAULT_LINE_HEIGHT, DEFAULT_THEME, FONT_FAMILIES,
  LINE_HEIGHTS, THEMES, oneOf, readerContentWidth, readerFontFamily, readerLineHeight, readerTheme,
  type ContentWidth, type FontFamily, type LineHeight, type Theme,
} from '../settings';

export interface Choice<T extends string> {
  readonly choices: readonly T[];
  readonly value: Signal<T>;
  set(next: T): Promise<void>;
  start(): Promise<void>;
  dispose(): void;
}

export function createChoice<T extends string>(
  item: WxtStorageItem<T, Record<string, unknown>>,
  choices: readonly T[],
  fallback: T,
): Choice<T> {
  const value = signal<T>(fallback);
  let unwatch: (() => void) | null = null;
  return {
    choices,
    value,
    async start() {
      unwatch ??= item.watch((next) => {
        value.value = oneOf(choices, next, fallback);
      });
      try {
        value.value = oneOf(choices, await item.getValue(), fallback);
      } catch {
        // Storage unavailable: the defaults still make a readable page.
      }
    },
    async set(next) {
      if (!choices.includes(next) || next === value.value) return;
      // Answer at once; the watcher confirms (and other tabs follow) when storage has it.
      value.value = next;
      await item.setValue(next);
    },
    dispose() {
      unwatch?.();
      unwatch = null;
    },
  };
}

export type TypographyModel = ReturnType<typeof createTypographyModel>;

export function createTypographyModel() {
  const fontFamily = createChoice<FontFamily>(readerFontFamily, FONT_FAMILIES, DEFAULT_FONT_FAMILY);
  const lineHeight = createChoice<LineHeight>(readerLineHeight, LINE_HEIGHTS, DEFAULT_LINE_HEIGHT);
  const contentWidth = createChoice<ContentWidth>(readerContentWidth, CONTENT_WIDTHS, DEFAULT_CONTENT_WIDTH);
  const theme = createChoice<Theme>(readerTheme, THEMES, DEFAULT_THEME);
  const all = [fontFamily, lineHeight, contentWidth, theme];
  return {
    fontFamily,
    lineHeight,
    contentWidth,
    theme,
    start: () => Promise.all(all.map((c) => c.start())).then(() => undefined),
    dispose: () => all.forEach((c) => c.dispose()),
  };
}
