/**
 * Share links: real links to each service's share page, opened in a new tab
 * with no opener and no referrer. Icons are the visible face in the compact
 * row; the list variant (share page) also shows the names. Each link's
 * accessible name ("Share on WhatsApp") comes from the locale file.
 */
import { t } from '../utils/i18n';
import type { ShareLink } from '../utils/share';
import { ServiceIcon } from './share/Glyph';

export function ShareLinks({ links, variant = 'row' }: { links: ShareLink[]; variant?: 'row' | 'list' }) {
  if (links.length === 0) return null;
  if (variant === 'list') {
    return (
      <ul class="grid grid-cols-2 gap-2">
        {links.map((link) => (
          <li key={link.id}>
            <a
              href={link.href}
              target="_blank"
              rel="noopener noreferrer"
              class="btn btn-quiet min-h-11 w-full justify-start gap-3 px-3 font-medium"
            >
              <span class="text-ink-soft">
                <ServiceIcon id={link.id} size={19} />
              </span>
              {t(link.label)}
            </a>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul class="flex flex-wrap items-center gap-1">
      {links.map((link) => (
        <li key={link.id}>
          <a
            href={link.href}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t(link.label)}
            title={t(link.label)}
            class="btn btn-quiet btn-icon rounded-full text-ink-soft hover:text-accent"
          >
            <ServiceIcon id={link.id} size={18} />
          </a>
        </li>
      ))}
    </ul>
  );
}
