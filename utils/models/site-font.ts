/**
 * The popup's control for a live page's text scale (utils/site-font.ts): the
 * same − / + interface as the reader's font size, shown as a percentage, with a
 * reset back to the site's own size.
 */
import { computed, signal } from '@preact/signals';
import { t } from '../i18n';
import { sendMessage } from '../messaging';
import { DEFAULT_SCALE, SITE_SCALES, stepScale } from '../site-font';
import type { SizeStepper } from './font-size';

export interface SiteFontStore {
  get: (host: string) => Promise<number>;
  set: (host: string, scale: number) => Promise<unknown>;
}

/** The background keeps the scales and tells the site's tabs (utils/handlers/site-font.ts). */
const defaultStore: SiteFontStore = {
  get: (host) => sendMessage('siteFont.query', { host }),
  set: (host, scale) => sendMessage('siteFont.set', { host, scale }),
};

export type SiteFontModel = ReturnType<typeof createSiteFontModel>;

export function createSiteFontModel(host: string, store: SiteFontStore = defaultStore) {
  const scale = signal<number>(DEFAULT_SCALE);
  const percent = computed(() => Math.round(scale.value * 100));
  const canDecrease = computed(() => scale.value > SITE_SCALES[0]);
  const canIncrease = computed(() => scale.value < SITE_SCALES[SITE_SCALES.length - 1]!);
  const isDefault = computed(() => scale.value === DEFAULT_SCALE);
  async function start(): Promise<void> {
    try {
      scale.value = await store.get(host);
    } catch {
      // Storage unavailable: show 100 %, which is what the page shows too.
    }
  }

  async function set(next: number): Promise<void> {
    if (next === scale.value) return;
    // Answer at once; the background stores it and tells the site's tabs.
    scale.value = next;
    await store.set(host, next);
  }

  const stepper: SizeStepper = {
    label: computed(() => t('fontScalePercent', percent.value)),
    canDecrease,
    canIncrease,
    decrease: () => set(stepScale(scale.value, -1)),
    increase: () => set(stepScale(scale.value, 1)),
  };

  return {
    ...stepper,
    scale,
    percent,
    isDefault,
    start,
    reset: () => set(DEFAULT_SCALE),
    dispose(): void {
      // Nothing to release: the model holds no listener.
    },
  };
}
