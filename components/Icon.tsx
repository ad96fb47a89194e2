/**
 * Folio's icons: drawn for Folio on a 24px grid, inline so pages need no
 * network and no icon font. Always decorative (aria-hidden): the control that
 * holds an icon carries the accessible name.
 */
import type { JSX } from 'preact';

export type IconName =
  | 'arrow-left' | 'bookmark' | 'bookmark-filled' | 'library' | 'book-open' | 'search' | 'close' | 'alert' | 'info'
  | 'whatsapp' | 'facebook' | 'linkedin' | 'external'
  | 'check' | 'check-circle' | 'circle' | 'star' | 'star-filled' | 'archive' | 'unarchive' | 'trash' | 'tag' | 'plus' | 'pencil'
  | 'copy' | 'highlighter' | 'import' | 'export' | 'download' | 'pause' | 'play' | 'target' | 'scissors';

const STROKE: Partial<Record<IconName, JSX.Element>> = {
  'arrow-left': <path d="M19 12H5m6 7-7-7 7-7" />,
  bookmark: <path d="M6.5 3.5h11v17l-5.5-4-5.5 4z" />,
  library: (
    <>
      <path d="M4.5 4.5h3.5v15H4.5zM10 4.5h3.5v15H10z" />
      <path d="m15.6 5.4 3.3-.9 3.6 14.1-3.3.9z" />
    </>
  ),
  'book-open': (
    <>
      <path d="M2.5 5.5c3-1.5 6.3-1.5 9.5.5 3.2-2 6.5-2 9.5-.5v13c-3-1.5-6.3-1.5-9.5.5-3.2-2-6.5-2-9.5-.5z" />
      <path d="M12 6v13" />
    </>
  ),
  search: (
    <>
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="m15.5 15.5 5 5" />
    </>
  ),
  close: <path d="M6 6l12 12M18 6 6 18" />,
  alert: (
    <>
      <path d="M12 3.5 21.5 20h-19z" />
      <path d="M12 10v4.5M12 17.2v.1" />
    </>
  ),
  info: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v5.5M12 7.8v.1" />
    </>
  ),
  whatsapp: (
    <>
      <path d="M12 3.2a8.8 8.8 0 0 0-7.6 13.2L3.2 20.8l4.5-1.2A8.8 8.8 0 1 0 12 3.2z" />
      <path d="M9 8.3c-.5 0-1 .6-1 1.4 0 2.6 3.1 5.9 6 5.9.9 0 1.5-.6 1.5-1.1l-1.8-.9-1 .8c-1.1-.5-2-1.4-2.6-2.5l.8-1-.8-1.9z" />
    </>
  ),
  external: <path d="M14 4.5h5.5V10M19.5 4.5 11 13M18 14v5.5H4.5V6H10" />,
  check: <path d="m5 12.5 4.5 4.5L19 7.5" />,
  'check-circle': (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="m8.2 12.3 2.6 2.6 5-5.2" />
    </>
  ),
  circle: <circle cx="12" cy="12" r="8.5" />,
  star: <path d="m12 3.8 2.5 5.2 5.7.8-4.1 4 1 5.7L12 16.8l-5.1 2.7 1-5.7-4.1-4 5.7-.8z" />,
  archive: (
    <>
      <path d="M3.5 5h17v4h-17zM5 9v10h14V9" />
      <path d="M10 13h4" />
    </>
  ),
  unarchive: (
    <>
      <path d="M3.5 5h17v4h-17zM5 9v10h14V9" />
      <path d="M12 17.5V12m-2.5 2.2L12 11.8l2.5 2.4" />
    </>
  ),
  trash: (
    <>
      <path d="M4 6.5h16M9.5 6.5V4h5v2.5M6 6.5l1 13.5h10l1-13.5" />
      <path d="M10 10.5v6M14 10.5v6" />
    </>
  ),
  tag: (
    <>
      <path d="M3.5 12.2V4.5a1 1 0 0 1 1-1h7.7l8.3 8.3a1 1 0 0 1 0 1.4l-7.3 7.3a1 1 0 0 1-1.4 0z" />
      <circle cx="8" cy="8" r="1.3" />
    </>
  ),
  plus: <path d="M12 5v14M5 12h14" />,
  // Import and Export sit side by side in the library's toolbar: an arrow into a tray and the same
  // arrow out of it, so the two read as opposites (both were down arrows once).
  import: (
    <>
      <path d="M12 3.5v10m-4-4 4 4 4-4" />
      <path d="M4.5 13.5v6h15v-6" />
    </>
  ),
  export: (
    <>
      <path d="M12 13.5v-10m-4 4 4-4 4 4" />
      <path d="M4.5 13.5v6h15v-6" />
    </>
  ),
  download: (
    <>
      <path d="M12 4v11m-4.5-4.5L12 15l4.5-4.5" />
      <path d="M5 19.5h14" />
    </>
  ),
  pause: <path d="M9 5.5v13M15 5.5v13" />,
  play: <path d="M8 5.5v13l10-6.5z" />,
  pencil: <path d="m14.5 5.5 4 4M4.5 19.5l1-4.5L16 4.5l3.5 3.5L9 18.5z" />,
  copy: (
    <>
      <path d="M8.5 8.5h11v11h-11z" />
      <path d="M15.5 8.5v-4h-11v11h4" />
    </>
  ),
  highlighter: (
    <>
      <path d="m9 15 6.5-10.5 4 2.5L13 17.5z" />
      <path d="M9 15l-1.5 4h4.5l1-1.5M3.5 21h17" />
    </>
  ),
  // "Fix this page": a block picked out, with sights on its sides.
  target: (
    <>
      <rect x="6.5" y="6.5" width="11" height="11" rx="1.5" />
      <path d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3" />
    </>
  ),
  scissors: (
    <>
      <circle cx="6.5" cy="6.5" r="2.6" />
      <circle cx="6.5" cy="17.5" r="2.6" />
      <path d="M8.7 8 20 18.5M8.7 16 20 5.5" />
    </>
  ),
};

const FILL: Partial<Record<IconName, JSX.Element>> = {
  'star-filled': <path d="m12 3.3 2.7 5.4 6 .9-4.4 4.2 1.1 6L12 17l-5.4 2.8 1.1-6-4.4-4.2 6-.9z" />,
  'bookmark-filled': <path d="M6 3h12v18.4l-6-4.4-6 4.4z" />,
  facebook: (
    <path d="M13.6 21.5v-7.6h2.6l.4-3h-3V9c0-.9.3-1.5 1.5-1.5h1.6V4.8c-.3 0-1.2-.1-2.3-.1-2.3 0-3.8 1.4-3.8 3.9v2.3H8v3h2.6v7.6z" />
  ),
  linkedin: (
    <>
      <circle cx="6.2" cy="6" r="1.9" />
      <path d="M4.6 9.3h3.2V19.5H4.6zM10 9.3h3v1.4c.5-.9 1.7-1.7 3.4-1.7 3 0 3.6 2 3.6 4.5v6H16.9v-5.3c0-1.3 0-2.9-1.8-2.9s-2 1.4-2 2.8v5.4H10z" />
    </>
  ),
};

/** The 24×24 frame every Folio icon shares: a filled drawing, or a stroked one. */
export function SvgIcon({ filled, stroked, size = 20, class: className }: { filled?: JSX.Element; stroked?: JSX.Element; size?: number; class?: string }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      class={className}
      fill={filled ? 'currentColor' : 'none'}
      stroke={filled ? 'none' : 'currentColor'}
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {filled ?? stroked}
    </svg>
  );
}

export function Icon({ name, size = 20, class: className }: { name: IconName; size?: number; class?: string }) {
  return <SvgIcon filled={FILL[name]} stroked={STROKE[name]} size={size} class={className} />;
}

/** The Folio mark: a folded page corner. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg aria-hidden="true" focusable="false" width={size} height={size} viewBox="0 0 32 32">
      <rect x="2" y="2" width="28" height="28" rx="8" fill="var(--color-accent)" />
      <path d="M10 8.5h9l4 4v11H10z" fill="var(--color-on-accent)" />
      <path d="M19 8.5v4h4" fill="none" stroke="var(--color-accent)" stroke-width="1.4" stroke-linejoin="round" />
      <path d="M13 16h7M13 19h5" stroke="var(--color-accent)" stroke-width="1.4" stroke-linecap="round" />
    </svg>
  );
}

export function Spinner({ size = 18 }: { size?: number }) {
  return (
    <svg aria-hidden="true" focusable="false" width={size} height={size} viewBox="0 0 24 24" class="animate-spin-slow">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-opacity="0.2" stroke-width="2.5" />
      <path d="M21 12a9 9 0 0 0-9-9" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
    </svg>
  );
}
