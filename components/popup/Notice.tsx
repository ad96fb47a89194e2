/** A calm explanation (restricted page, not an article, offline): information, not an error. */
import type { ComponentChildren } from 'preact';
import { Icon } from '../Icon';
import { Glyph } from '../share/Glyph';

export function Notice({ icon, children }: { icon: 'info' | 'book-open' | 'offline'; children: ComponentChildren }) {
  return (
    <div class="flex items-start gap-3 rounded-xl bg-sunken px-3.5 py-3 text-sm leading-relaxed text-ink-soft">
      {icon === 'offline' ? (
        <Glyph name="offline" size={18} class="mt-0.5 shrink-0 text-muted" />
      ) : (
        <Icon name={icon} size={18} class="mt-0.5 shrink-0 text-muted" />
      )}
      <p>{children}</p>
    </div>
  );
}
