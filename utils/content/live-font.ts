/**
 * Live-page text scaling, the on-every-site version of a news site's own
 * "Font Resizer": multiply the computed size of the story's text elements.
 * The first scaling records each element's computed px and its own inline
 * font-size, so any later scale is exact (no compounding) and 100 % restores
 * the page's own styles untouched.
 */
import { onMessage, sendMessage } from '../messaging';
import { normaliseScale } from '../site-font';
import { mainTextContainer } from './main-text';
import { LOAD_WAIT_MS, whenDomReady, whenLoaded } from './dom-ready';
import { fromThisExtension } from './extension-id';

const TEXT_ELEMENTS = 'p,li,blockquote,h1,h2,h3,h4,h5,h6,figcaption,dd,dt,td,th,pre';

interface Original {
  el: HTMLElement;
  px: number;
  inline: string;
  priority: string;
}

let originals: Original[] | null = null;

export function applyScale(scale: number): void {
  if (!originals) {
    if (scale === 1) return;
    const root = mainTextContainer(document);
    if (!root) return;
    // Measure everything before changing anything: a scaled parent would skew its children's computed size.
    originals = [root, ...root.querySelectorAll<HTMLElement>(TEXT_ELEMENTS)].map((el) => ({
      el,
      px: parseFloat(getComputedStyle(el).fontSize),
      inline: el.style.getPropertyValue('font-size'),
      priority: el.style.getPropertyPriority('font-size'),
    }));
  }
  for (const o of originals) {
    if (scale !== 1) {
      // !important: the site's own resizer or stylesheet must not undo the user's choice.
      o.el.style.setProperty('font-size', `${Math.round(o.px * scale * 100) / 100}px`, 'important');
    } else if (o.inline) {
      o.el.style.setProperty('font-size', o.inline, o.priority);
    } else {
      o.el.style.removeProperty('font-size');
    }
  }
  // Back at 100 %: measure afresh next time (the site may have changed its own sizes meanwhile).
  if (scale === 1) originals = null;
}

/**
 * Applies this site's scale now (only if one is stored) and whenever the popup
 * changes it. The background answers for this tab's own site and tells only
 * that site's tabs of a change (utils/site-font-store.ts): no content script
 * sees which other sites the user resized.
 */
export function watchSiteFont(): void {
  // Asked at once, applied after the load event: the script starts before the body exists, and
  // the scale multiplies computed sizes, which are the browser's defaults until the site's
  // stylesheets have loaded (DOMContentLoaded does not wait for them).
  const applyOnceLoaded = (scale: number) => whenLoaded(window, LOAD_WAIT_MS, () => whenDomReady(document, () => applyScale(scale)));
  sendMessage('siteFont.get', undefined)
    .then((scale) => {
      if (normaliseScale(scale) !== 1) applyOnceLoaded(normaliseScale(scale));
    })
    .catch(() => undefined);
  onMessage('siteFont.apply', ({ data, sender }) => {
    if (fromThisExtension(sender)) applyOnceLoaded(normaliseScale(data.scale));
  });
}
