/**
 * Every link and media URL made absolute against the page's base, so saved
 * articles still work when shown from the extension's own pages. Readability
 * does this in browsers, but not on DOMs without a base URL (linkedom), and it
 * leaves srcset alone.
 */
import { parseHttpUrl } from '../../url';
import type { CleanupRule } from './rule';

function absolute(value: string, base: string): string | null {
  const trimmed = value.trim();
  if (!trimmed || /^(?:data|mailto|tel):/i.test(trimmed)) return trimmed;
  if (/^(?:javascript|vbscript):/i.test(trimmed)) return null;
  return parseHttpUrl(trimmed, base)?.href ?? null;
}

function absoluteSrcset(value: string, base: string): string {
  return value
    .split(/,(?=\s*\S+(?:\s+[\d.]+[wx])?\s*(?:,|$))/)
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      const abs = absolute(url, base);
      return abs ? [abs, ...descriptor].join(' ') : '';
    })
    .filter(Boolean)
    .join(', ');
}

export const absoluteUrls: CleanupRule = {
  name: 'absolute-urls',
  run(root, ctx) {
    let changed = 0;
    const base = ctx.baseUrl;
    for (const el of Array.from(root.querySelectorAll('[href], [src], [srcset], [poster]'))) {
      for (const attr of ['href', 'src', 'poster'] as const) {
        const value = el.getAttribute(attr);
        if (value === null) continue;
        if (attr === 'href' && value.startsWith('#')) continue;
        const abs = absolute(value, base);
        if (abs === null) el.removeAttribute(attr);
        else if (abs !== value) el.setAttribute(attr, abs);
        changed++;
      }
      const srcset = el.getAttribute('srcset');
      if (srcset) el.setAttribute('srcset', absoluteSrcset(srcset, base));
    }
    return changed;
  },
};
