/**
 * Live-page text scale, remembered per site: the steps and how a stored value
 * is read. Pure, and imported by the always-on content script: keep it free
 * of imports. Where the scales live and who may read them: utils/site-font-store.ts.
 */

/** Scale steps as the user walks them with − and +: finer near 100 %, coarser when large. */
export const SITE_SCALES = [0.8, 0.9, 1, 1.1, 1.2, 1.35, 1.5, 1.75, 2] as const;
export const DEFAULT_SCALE = 1;

/** "www.example.com" and "example.com" are one site for the reader. */
export function siteKey(host: string): string {
  return host.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** Stored values are data (hand-edited, older versions, a message): snap to the nearest step. */
export function normaliseScale(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_SCALE;
  return SITE_SCALES.reduce<number>((best, s) => (Math.abs(s - value) < Math.abs(best - value) ? s : best), DEFAULT_SCALE);
}

export function stepScale(current: number, direction: 1 | -1): number {
  const i = SITE_SCALES.indexOf(normaliseScale(current) as (typeof SITE_SCALES)[number]);
  return SITE_SCALES[Math.min(SITE_SCALES.length - 1, Math.max(0, i + direction))]!;
}
