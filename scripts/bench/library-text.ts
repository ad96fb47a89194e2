/**
 * Deterministic article text for the library benchmark: words drawn from a
 * Zipf distribution over a fixed vocabulary (a few hundred common English words
 * and many generated rare ones), so term frequencies look like real prose
 * (a handful of words in every article, a long tail in few). Same seed, same text.
 */
const COMMON = (
  'said year people time government new world first two last police city country state would could one also after more ' +
  'president minister market week company report according million percent billion day told court officials trade china ' +
  'election party economy health school children women water energy prices workers data public war security bank policy ' +
  'plan city climate oil rates growth deal talks team season league players coach game home family life house street ' +
  'research study university scientists science technology phone software internet users online digital video music film ' +
  'book author history museum culture food restaurant travel island coast river mountain weather storm heat winter summer'
).split(' ');

const SYLLABLES = 'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za ze zo'.split(' ');

export function rng(seed: number): () => number {
  // Scramble the seed first: xorshift started from 1, 2, 3… gives near-zero first draws.
  let s = Math.imul((seed + 0x9e3779b9) >>> 0, 0x85ebca6b) >>> 0;
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const VOCAB_SIZE = 120_000;
export const VOCABULARY: string[] = (() => {
  const words = new Set(COMMON);
  const r = rng(7);
  while (words.size < VOCAB_SIZE) {
    const n = 2 + Math.floor(r() * 4);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
})();

/** Cumulative Zipf weights (s = 1.2) for inverse sampling. */
const CUMULATIVE: Float64Array = (() => {
  const c = new Float64Array(VOCAB_SIZE);
  let total = 0;
  for (let i = 0; i < VOCAB_SIZE; i++) c[i] = total += 1 / Math.pow(i + 1, 1.2);
  for (let i = 0; i < VOCAB_SIZE; i++) c[i]! /= total;
  return c;
})();

export function zipfWord(r: () => number): string {
  const x = r();
  let lo = 0;
  let hi = VOCAB_SIZE - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo]!;
}

/** Articles have topics: a share of their words comes from a window of the rare vocabulary of their own. */
const TOPIC_SHARE = 0.1;
const TOPIC_WIDTH = 1_500;

export function sentence(r: () => number, words: number, topic = -1): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    out.push(topic >= 0 && r() < TOPIC_SHARE ? VOCABULARY[topic + Math.floor(r() * TOPIC_WIDTH)]! : zipfWord(r));
  }
  const s = out.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

/** 5–50 kB of text in paragraphs. */
export function articleParagraphs(r: () => number): string[] {
  const targetBytes = 5_000 + Math.floor(r() * 45_000);
  const topic = 1_000 + Math.floor(r() * (VOCAB_SIZE - TOPIC_WIDTH - 1_000));
  const paragraphs: string[] = [];
  let size = 0;
  while (size < targetBytes) {
    const sentences: string[] = [];
    const count = 2 + Math.floor(r() * 4);
    for (let i = 0; i < count; i++) sentences.push(sentence(r, 8 + Math.floor(r() * 18), topic));
    const p = sentences.join(' ');
    paragraphs.push(p);
    size += p.length;
  }
  return paragraphs;
}
