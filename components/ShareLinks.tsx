/**
 * Share links: real links to each service's share page, opened in a new tab
 * with no opener and no referrer. Icons are the visible face; each link's
 * accessible name ("Share on WhatsApp") comes from the locale file.
 */
import { t } from '../utils/i18n';
import type { ShareLink } from '../utils/share';
import { Icon } from './Icon';

export function ShareLinks({ links }: { links: ShareLink[] }) {
  if (links.length === 0) return null;
  return (
    <ul class="flex items-center gap-1.5">
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
            <Icon name={link.id} size={19} />
          </a>
        </li>
      ))}
    </ul>
  );
}
