/**
 * Marking search matches in a title or excerpt. The search index answers with
 * the terms it matched (lower-cased, accent-free, prefix and typo expansions
 * included); a word of the text is marked when its folded form is one of
 * them, or starts with one (so "tariff" marks "Tariffs").
 */

export interface TextPart {
  text: string;
  mark: boolean;
}

/** Lower-cased with accents removed: how the index spells its terms. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Terms worth marking: one-letter prefixes would mark half the text. */
function markable(terms: readonly string[]): string[] {
  return [...new Set(terms.map(fold).filter((t) => t.length >= 2))];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/gu;

/** `text` split into runs, the matching words marked. Adjacent plain runs are joined. */
export function markParts(text: string, terms: readonly string[]): TextPart[] {
  const wanted = markable(terms);
  if (wanted.length === 0 || text === '') return [{ text, mark: false }];
  const parts: TextPart[] = [];
  let last = 0;
  const push = (part: TextPart) => {
    const prev = parts[parts.length - 1];
    if (prev && prev.mark === part.mark && !part.mark) prev.text += part.text;
    else parts.push(part);
  };
  for (const match of text.matchAll(WORD)) {
    const word = fold(match[0]);
    if (!wanted.some((t) => word === t || word.startsWith(t))) continue;
    const start = match.index;
    if (start > last) push({ text: text.slice(last, start), mark: false });
    push({ text: match[0], mark: true });
    last = start + match[0].length;
  }
  if (last < text.length) push({ text: text.slice(last), mark: false });
  return parts.length ? parts : [{ text, mark: false }];
}
