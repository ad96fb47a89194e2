/**
 * Live-page text scale, remembered per site. The popup writes one small
 * storage.local entry per host ("siteFont:example.com" → 1.2); the always-on
 * content script reads only its own host's entry, so a site the user never
 * resized costs one storage read and nothing else. No entry means 100 %.
 *
 * This module is imported by the content script: keep it free of heavy imports
 * (raw browser.storage, not WXT's storage helper).
 */
import { browser } from 'wxt/browser';

/** Scale steps as the user walks them with − and +: finer near 100 %, coarser when large. */
export const SITE_SCALES = [0.8, 0.9, 1, 1.1, 1.2, 1.35, 1.5, 1.75, 2] as const;
export const DEFAULT_SCALE = 1;

/** "www.example.com" and "example.com" are one site for the reader. */
export function siteFontKey(host: string): string {
  return `siteFont:${host.toLowerCase().replace(/^www\./, '')}`;
}

/** Stored values are data (synced, hand-edited, older versions): snap to the nearest step. */
export function normaliseScale(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_SCALE;
  return SITE_SCALES.reduce<number>((best, s) => (Math.abs(s - value) < Math.abs(best - value) ? s : best), DEFAULT_SCALE);
}

export function stepScale(current: number, direction: 1 | -1): number {
  const i = SITE_SCALES.indexOf(normaliseScale(current) as (typeof SITE_SCALES)[number]);
  return SITE_SCALES[Math.min(SITE_SCALES.length - 1, Math.max(0, i + direction))]!;
}

export async function getSiteScale(host: string): Promise<number> {
  const key = siteFontKey(host);
  return normaliseScale((await browser.storage.local.get(key))[key]);
}

/** 100 % removes the entry: the content script then has nothing to do on that site. */
export async function setSiteScale(host: string, scale: number): Promise<void> {
  const key = siteFontKey(host);
  const value = normaliseScale(scale);
  if (value === DEFAULT_SCALE) await browser.storage.local.remove(key);
  else await browser.storage.local.set({ [key]: value });
}

/** Calls `onChange` with the host's new scale whenever it changes; returns the unsubscribe. */
export function watchSiteScale(host: string, onChange: (scale: number) => void): () => void {
  const key = siteFontKey(host);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key in changes) onChange(normaliseScale(changes[key]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
