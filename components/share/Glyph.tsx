/**
 * Icons the popup and share surfaces add to components/Icon.tsx's set (the
 * share services beyond WhatsApp/Facebook/LinkedIn, copy, share, reset…), drawn
 * the same way: 24px grid, 1.8 stroke or solid fill, always decorative.
 */
import type { JSX } from 'preact';
import { Icon, SvgIcon } from '../Icon';
import type { ShareServiceId } from '../../utils/share';

export type GlyphName =
  | 'x' | 'telegram' | 'reddit' | 'email' | 'link' | 'share' | 'check' | 'offline' | 'reset' | 'clock' | 'trash' | 'quote';

const STROKE: Partial<Record<GlyphName, JSX.Element>> = {
  email: (
    <>
      <rect x="3.5" y="5.5" width="17" height="13" rx="2" />
      <path d="m4 7 8 6 8-6" />
    </>
  ),
  link: <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />,
  share: <path d="M12 15V3.5M7.5 8 12 3.5 16.5 8M5 12.5v7h14v-7" />,
  check: <path d="m5 12.5 4.5 4.5L19 7.5" />,
  offline: (
    <>
      <path d="M3 3l18 18M8.5 16.5a5 5 0 0 1 7 0M5 12.8a10 10 0 0 1 4-2.4M19 12.8a10 10 0 0 0-3.3-2.1M2 9.3a15 15 0 0 1 4-2.6M22 9.3A15 15 0 0 0 10.7 5" />
      <path d="M12 20.2v.1" />
    </>
  ),
  reset: <path d="M4.5 12a7.5 7.5 0 1 0 2.2-5.3M4.5 4v4h4" />,
  clock: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </>
  ),
  trash: <path d="M4.5 7h15M9.5 7V4.5h5V7M6.5 7l1 12.5h9l1-12.5M10.2 10.5v6M13.8 10.5v6" />,
};

const FILL: Partial<Record<GlyphName, JSX.Element>> = {
  x: <path d="M17.2 3.5h2.9l-6.3 7.2 7.4 9.8h-5.8l-4.5-5.9-5.2 5.9H2.8l6.7-7.7-7.1-9.3h5.9l4.1 5.4zm-1 15.3h1.6L7.9 5.1H6.2z" />,
  telegram: (
    <path d="M20.7 4.2 2.9 11c-1.2.5-1.2 1.2 0 1.5l4.5 1.4 1.7 5.3c.2.6.4.8.9.8.4 0 .6-.2.9-.5l2.2-2.1 4.6 3.4c.8.5 1.4.2 1.6-.8l3-14.1c.3-1.3-.5-1.8-1.6-1.7zM9.6 14l8.6-5.4c.4-.3.8-.1.5.2l-7 6.4-.3 3z" />
  ),
  reddit: (
    <path d="M21.5 11.8a2.2 2.2 0 0 0-3.7-1.5 10.6 10.6 0 0 0-5.3-1.6l1-4.3 3 .7a1.6 1.6 0 1 0 .2-1.1l-3.5-.8a.6.6 0 0 0-.7.4l-1.1 5.1a10.7 10.7 0 0 0-5.4 1.6 2.2 2.2 0 1 0-2.4 3.6 4 4 0 0 0 0 .6c0 3.3 3.8 5.9 8.5 5.9s8.5-2.6 8.5-5.9a4 4 0 0 0 0-.6 2.2 2.2 0 0 0 1-2.1zM7.6 13.4a1.5 1.5 0 1 1 1.5 1.5 1.5 1.5 0 0 1-1.5-1.5zm8.4 4c-1 .9-2.4 1.3-4 1.3s-3-.4-4-1.3a.5.5 0 0 1 .7-.7 4.9 4.9 0 0 0 3.3 1 4.9 4.9 0 0 0 3.3-1 .5.5 0 0 1 .7.7zm-1.1-2.5a1.5 1.5 0 1 1 1.5-1.5 1.5 1.5 0 0 1-1.5 1.5z" />
  ),
  quote: (
    <path d="M4 17.5c0-4.6 1.6-8 5.2-10l1 1.5C8.3 10.3 7.4 11.8 7.3 13.3H10v5.2H4zm9 0c0-4.6 1.6-8 5.2-10l1 1.5c-1.9 1.3-2.8 2.8-2.9 4.3H19v5.2h-6z" />
  ),
};

export function Glyph({ name, size = 20, class: className }: { name: GlyphName; size?: number; class?: string }) {
  return <SvgIcon filled={FILL[name]} stroked={STROKE[name]} size={size} class={className} />;
}

/** A share service's mark: the three Icon.tsx already draws, the rest from here. */
export function ServiceIcon({ id, size = 20 }: { id: ShareServiceId; size?: number }) {
  return id === 'whatsapp' || id === 'facebook' || id === 'linkedin' ? <Icon name={id} size={size} /> : <Glyph name={id} size={size} />;
}
