/**
 * Describing a selection as selectors, and finding it again.
 *
 * `describe` turns a DOM Range into a quote (with context) and a position,
 * both over the text model (text-model.ts). `anchor` turns them back into a
 * Range on whatever the reader shows now, in this order:
 *   1. same content (the basis is unchanged): the stored position, if the text
 *      there is still the quote;
 *   2. the exact quote, every occurrence scored by how well its surroundings
 *      match the stored prefix and suffix, and by nearness to the old position;
 *   3. an approximate match (approx-string-match: Myers' bit-parallel search)
 *      with at most min(32, length / 4) errors, scored the same way.
 * A short quote (under SELF_EVIDENT characters) is only accepted where its
 * context agrees, so "the" or a few edited-away words never land on a random
 * place: no match means null, and the caller keeps the highlight as an orphan.
 *
 * Steps 2 and 3 compare text with every run of whitespace folded to one space,
 * so a re-extraction that changes line breaks or indentation between
 * paragraphs does not cost errors.
 */
import search from 'approx-string-match';
import type { ArticleBody } from '../library/types';
import { indexText, offsetsToRange, rangeToOffsets, TEXT_MODEL_VERSION, type TextIndex, type TextOffsets } from './text-model';
import type { AnchorBasis, HighlightSelectors } from './types';

/** Characters of context kept either side of a quote (the W3C examples and Hypothesis use 32). */
export const CONTEXT_CHARS = 32;
/** A quote at least this long is evidence enough on its own; shorter ones need their context. */
export const SELF_EVIDENT = 32;
/** Fraction of the stored context that must match around a short quote. */
export const MIN_CONTEXT = 0.5;
/** Upper bound of errors in a fuzzy match, whatever the quote's length. */
export const MAX_ERRORS = 32;
/** Rounds of fuzzy search (each masks the candidates it rejected), and candidates scored per stage. */
const FUZZY_ROUNDS = 4;
const MAX_CANDIDATES = 200;

/** Scores in the style of Hypothesis' match-quote.ts: the quote counts most, then context, then nearness. */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

export interface AnchorHints {
  /** The root shows the text the selectors were made on (see `sameBasis`): try the position first. */
  sameContent?: boolean;
  /** The root's text index, when the caller anchors many highlights on one render. */
  index?: TextIndex;
}

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Where a quote was found in a text, and how. */
export interface Placement extends TextOffsets {
  method: AnchorMethod;
  /** Edit distance between the stored quote and the text found (0 unless fuzzy). */
  errors: number;
}

/** The basis of a stored body: what a new highlight on it records. */
export function basisOf(body: Pick<ArticleBody, 'contentHash' | 'extractorVersion'>): AnchorBasis {
  return { contentHash: body.contentHash, extractorVersion: body.extractorVersion, textModel: TEXT_MODEL_VERSION };
}

export function sameBasis(a: AnchorBasis, b: AnchorBasis): boolean {
  return a.contentHash === b.contentHash && a.extractorVersion === b.extractorVersion && a.textModel === b.textModel;
}

const SPACE = /\s/;

/** Drops a lone surrogate half left at either end of a cut. */
function wholeChars(text: string): string {
  return text.replace(/^[\uDC00-\uDFFF]/, '').replace(/[\uD800-\uDBFF]$/, '');
}

/**
 * Selectors for `range` over the text of `root`, or null when the range holds
 * no text. Whitespace at either edge of the selection (a double-click's
 * trailing space, a triple-click's line break) is not part of the highlight.
 */
export function describe(range: Range, root: Node | TextIndex): HighlightSelectors | null {
  const index = 'nodes' in root && 'starts' in root ? root : indexText(root);
  const offsets = rangeToOffsets(range, index);
  if (!offsets) return null;
  const { text } = index;
  let { start, end } = offsets;
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  if (start === end) return null;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: wholeChars(text.slice(Math.max(0, start - CONTEXT_CHARS), start)),
      suffix: wholeChars(text.slice(end, end + CONTEXT_CHARS)),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** Text with each whitespace run folded to one space; map[i] is folded char i's index in the original. */
interface Folded {
  text: string;
  map: Int32Array;
}

/** The characters `\s` matches (ECMAScript WhiteSpace and LineTerminator), by code unit: no regex per character. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function foldUncached(text: string): Folded {
  const map = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let n = 0;
  let runStart = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (space && inSpace) continue;
    if (space) {
      parts.push(text.slice(runStart, i), ' ');
    } else if (inSpace) {
      runStart = i;
    }
    inSpace = space;
    map[n++] = i;
  }
  if (!inSpace) parts.push(text.slice(runStart));
  map[n] = text.length;
  return { text: parts.join(''), map: map.subarray(0, n + 1) };
}

/** The last text folded: a render anchors all its highlights on one text, folded once. */
let lastFold: { source: string; folded: Folded } | null = null;

function fold(text: string): Folded {
  if (lastFold?.source === text) return lastFold.folded;
  const folded = foldUncached(text);
  if (text.length > 256) lastFold = { source: text, folded };
  return folded;
}

/** The folded index of original offset `offset` (first folded char at or after it). */
function foldedIndex(folded: Folded, offset: number): number {
  let lo = 0;
  let hi = folded.map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (folded.map[mid]! >= offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Characters of `pattern` that `window` matches (pattern length minus the fewest edits). */
function matchedChars(window: string, pattern: string): number {
  if (!pattern) return 0;
  if (!window) return 0;
  const best = search(window, pattern, pattern.length);
  const errors = best.length ? Math.min(...best.map((m) => m.errors)) : pattern.length;
  return Math.max(0, pattern.length - errors);
}

interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
  /** The old start, in the folded text's coordinates. */
  hint: number;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  score: number;
  accepted: boolean;
}

function score(text: string, q: Quote, start: number, end: number, errors: number): Candidate {
  const pre = matchedChars(text.slice(Math.max(0, start - q.prefix.length), start), q.prefix);
  const suf = matchedChars(text.slice(end, end + q.suffix.length), q.suffix);
  const contextLength = q.prefix.length + q.suffix.length;
  const context = contextLength === 0 ? 1 : (pre + suf) / contextLength;
  const nearness = 1 - Math.min(1, Math.abs(start - q.hint) / Math.max(1, text.length));
  const quoteSimilarity = 1 - errors / q.exact.length;
  const total =
    WEIGHT.quote * quoteSimilarity +
    WEIGHT.prefix * (q.prefix ? pre / q.prefix.length : 1) +
    WEIGHT.suffix * (q.suffix ? suf / q.suffix.length : 1) +
    WEIGHT.position * nearness;
  // A long quote matched with few errors cannot be a coincidence; anything else must agree with its context.
  const selfEvident = q.exact.length >= SELF_EVIDENT && errors <= q.exact.length / 8;
  return { start, end, errors, score: total, accepted: selfEvident || context >= MIN_CONTEXT };
}

function best(candidates: Candidate[]): Candidate | null {
  let top: Candidate | null = null;
  for (const c of candidates) if (c.accepted && (!top || c.score > top.score)) top = c;
  return top;
}

function exactCandidates(text: string, q: Quote): Candidate[] {
  const starts: number[] = [];
  for (let at = text.indexOf(q.exact); at >= 0; at = text.indexOf(q.exact, at + 1)) starts.push(at);
  // A very common quote ("the"): only the occurrences nearest the old place are worth scoring.
  if (starts.length > MAX_CANDIDATES) starts.sort((x, y) => Math.abs(x - q.hint) - Math.abs(y - q.hint)).length = MAX_CANDIDATES;
  return starts.map((at) => score(text, q, at, at + q.exact.length, 0));
}

/** `text` with the given spans replaced by a character no quote contains (same length, so offsets hold). */
function masked(text: string, spans: readonly { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    if (end <= at) continue;
    const from = Math.max(at, start);
    parts.push(text.slice(at, from), '\u0000'.repeat(end - from));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Approximate matches; each round hides the matches it rejected so the next finds the next best. */
function fuzzyCandidate(text: string, q: Quote, rejected: Candidate[]): Candidate | null {
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(q.exact.length / 4));
  if (maxErrors === 0) return null;
  const hidden: { start: number; end: number }[] = [...rejected];
  for (let round = 0; round < FUZZY_ROUNDS; round++) {
    const matches = search(masked(text, hidden), q.exact, maxErrors);
    if (matches.length === 0) return null;
    // Many equally good matches (a short quote in a long text): score those nearest the old place.
    const nearest = matches.length > MAX_CANDIDATES
      ? [...matches].sort((x, y) => Math.abs(x.start - q.hint) - Math.abs(y.start - q.hint)).slice(0, MAX_CANDIDATES)
      : matches;
    const scored = nearest.map((m) => score(text, q, m.start, m.end, m.errors));
    const top = best(scored);
    if (top) return top;
    hidden.push(...matches);
  }
  return null;
}

/**
 * Where `selectors` fall in `text` (the text model of what is shown now), or
 * null when the quote cannot be found with confidence. Pure: no DOM.
 */
export function locate(selectors: HighlightSelectors, text: string, hints: Pick<AnchorHints, 'sameContent'> = {}): Placement | null {
  const { quote, position } = selectors;
  if (!quote.exact || !quote.exact.trim()) return null;
  if (hints.sameContent && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, method: 'position', errors: 0 };
  }
  const folded = fold(text);
  const q: Quote = {
    exact: fold(quote.exact).text,
    prefix: fold(quote.prefix).text,
    suffix: fold(quote.suffix).text,
    hint: foldedIndex(folded, position.start),
  };
  const exact = exactCandidates(folded.text, q);
  let found: Candidate | null = best(exact);
  let method: AnchorMethod = 'quote';
  if (!found) {
    found = fuzzyCandidate(folded.text, q, exact);
    method = 'fuzzy';
  }
  if (!found) return null;
  const start = folded.map[found.start]!;
  const end = found.end > found.start ? folded.map[found.end - 1]! + 1 : start;
  return { start, end, method, errors: found.errors };
}

/**
 * A Range for `selectors` on `root` (the `.reader-body` element as it is now),
 * or null when the highlight cannot be placed (an orphan).
 */
export function anchor(selectors: HighlightSelectors, root: Node, hints: AnchorHints = {}): Range | null {
  const index = hints.index ?? indexText(root);
  const placement = locate(selectors, index.text, hints);
  return placement ? offsetsToRange(placement, index) : null;
}
