/** Small text helpers shared by detection, extraction and the cleanup rules. */

/** Collapses runs of whitespace (including NBSP) to one space and trims. */
export function normalizeSpace(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** Words as a reader counts them: letters/digits, with inner apostrophes and hyphens. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
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
