/**
 * File names that every operating system accepts, made from article titles.
 *
 * Windows refuses `<>:"/\|?*`, control characters, names ending in a dot or a
 * space, and the device names CON, PRN, AUX, NUL, COM1–9, LPT1–9 (with any
 * extension: `con.md` is the console). macOS and Linux refuse `/` and NUL;
 * most file systems cap a name at 255 *bytes* (not characters), and zip tools
 * unpacking into deep folders run into path limits sooner, so names are kept
 * well under that. Emoji and other non-ASCII letters are kept (every current
 * system stores UTF-8 or UTF-16 names) but never cut in half.
 */

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;
/** Bidi controls and zero-width spaces: invisible, and they disguise extensions (joiners stay: emoji need them). */
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
/** Bytes for the stem, leaving room for a " (12)" suffix and an extension within 255. */
export const MAX_STEM_BYTES = 120;

const encoder = new TextEncoder();

function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** The longest prefix of `text` within `maxBytes` of UTF-8, never splitting a character or an emoji sequence. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  const parts = segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
  let out = '';
  let bytes = 0;
  for (const part of parts) {
    const n = utf8Length(part);
    if (bytes + n > maxBytes) break;
    out += part;
    bytes += n;
  }
  return out;
}

/**
 * A file-name stem for `title`: forbidden characters become spaces, runs of
 * whitespace fold, trailing dots and spaces go, reserved device names get an
 * underscore, and an empty result becomes `fallback`.
 */
export function safeStem(title: string, fallback = 'Untitled'): string {
  let stem = title.normalize('NFC').replace(INVISIBLE, '').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  stem = cutToBytes(stem, MAX_STEM_BYTES).replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (!stem) stem = fallback;
  // `con.md` and `con .md` are both the console on Windows: the part before the first dot decides.
  const base = stem.split('.')[0]!.trim();
  if (RESERVED.test(base)) stem = `_${stem}`;
  return stem;
}

/**
 * Hands out names unique within one folder of one archive. Windows and macOS
 * compare names case-insensitively, so `Brexit.md` and `brexit.md` would
 * overwrite each other there: the second becomes `brexit (2).md`.
 */
export function createNamer(): (title: string, extension: string, fallback?: string) => string {
  const taken = new Set<string>();
  return (title, extension, fallback) => {
    const stem = safeStem(title, fallback);
    const ext = extension ? `.${extension.replace(/^\./, '')}` : '';
    let name = `${stem}${ext}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} (${n})${ext}`;
    taken.add(name.toLowerCase());
    return name;
  };
}

/** `folio-markdown-2026-12-01.zip`: the download's own name. */
export function downloadName(kind: string, extension: string, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  return `folio-${kind}-${day}.${extension}`;
}
