/**
 * The reader font size as a signal, shared by the popup and the reader. The
 * setting lives in storage.sync; every open page watches it, so a change made in
 * the popup resizes an open reader live, and the reverse.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { t } from '../i18n';
import { canStep, DEFAULT_FONT_SIZE, FONT_SIZES, readerFontSize, stepFontSize } from '../settings';

export type FontSizeModel = ReturnType<typeof createFontSizeModel>;

/**
 * What FontSizeControl drives: the reader's px setting or a live page's % scale
 * (utils/models/site-font.ts) behind the same − / + buttons.
 */
export interface SizeStepper {
  /** The current size as shown between the buttons ("19 px", "120 %"). */
  label: ReadonlySignal<string>;
  canDecrease: ReadonlySignal<boolean>;
  canIncrease: ReadonlySignal<boolean>;
  decrease(): Promise<void>;
  increase(): Promise<void>;
}

/** Sizes outside FONT_SIZES (synced from another version, hand-edited) snap to the nearest allowed one. */
export function normaliseFontSize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_FONT_SIZE;
  return FONT_SIZES.reduce((best, s) => (Math.abs(s - value) < Math.abs(best - value) ? s : best), FONT_SIZES[0] as number);
}

export function createFontSizeModel(item = readerFontSize) {
  const size = signal<number>(DEFAULT_FONT_SIZE);
  const canDecrease = computed(() => canStep(size.value, -1));
  const canIncrease = computed(() => canStep(size.value, 1));
  let unwatch: (() => void) | null = null;

  async function start(): Promise<void> {
    unwatch ??= item.watch((value) => {
      size.value = normaliseFontSize(value);
    });
    try {
      size.value = normaliseFontSize(await item.getValue());
    } catch {
      // Storage unavailable: the default size still gives a readable page.
    }
  }

  async function step(direction: 1 | -1): Promise<void> {
    const next = stepFontSize(size.value, direction);
    if (next === size.value) return;
    // Update at once so the control answers immediately; the watcher confirms the stored value.
    size.value = next;
    await item.setValue(next);
  }

  return {
    size,
    label: computed(() => t('fontSizePx', size.value)),
    canDecrease,
    canIncrease,
    start,
    decrease: () => step(-1),
    increase: () => step(1),
    dispose(): void {
      unwatch?.();
      unwatch = null;
    },
  };
}
