/** Small text helpers shared by detection, extraction and the cleanup rules. */

/** Collapses runs of whitespace (including NBSP) to one space and trims. */
export function normalizeSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** One letter or digit at `lastIndex` (sticky, code-point aware): the non-ASCII half of countWords' test. */
const WORD_CHAR_AT = /[\p{L}\p{N}]/uy;

/**
 * Words as a reader counts them: letters/digits, with inner apostrophes and
 * hyphens: the matches of the pattern `[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*` (flags gu). Counted in
 * one scan instead of with that regex: on a long article the Unicode-property
 * regex cost ~25 ms in Chromium, most of extraction's text work. ASCII is
 * decided by char code; other characters by a sticky property test.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false; // the previous code point was a letter or digit
  let joinable = false; // the previous code point was a joiner right after a letter or digit
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let width = 1;
    let wordChar: boolean;
    if (c < 128) {
      wordChar = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    } else {
      WORD_CHAR_AT.lastIndex = i;
      wordChar = WORD_CHAR_AT.test(text);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) width = 2;
      }
    }
    if (wordChar) {
      // A letter after "word-" continues that word; otherwise a new one starts.
      if (!inWord && !joinable) words++;
      inWord = true;
      joinable = false;
    } else {
      joinable = inWord && (c === 39 || c === 0x2019 || c === 45);
      inWord = false;
    }
    i += width;
  }
  return words;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);

/**
 * Plain text of an element with line breaks between blocks. `textContent` glues
 * "end.</p><p>Next" into "end.Next", which breaks word counts and search.
 */
export function blockText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.nodeValue ?? '');
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue;
        const block = BLOCK_TAGS.has(tag);
        if (block) parts.push('\n');
        else if (tag === 'TD' || tag === 'TH') parts.push('\t');
        walk(child);
        if (block) parts.push('\n');
      }
    }
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}
