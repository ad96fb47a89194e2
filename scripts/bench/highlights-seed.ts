/**
 * Bundled into the reader page by scripts/bench/highlights.ts: stores `n`
 * highlights spread over the article shown, through Folio's own describe and
 * addHighlight, so they are exactly what a person's highlights would be.
 */
import { basisOf, describe } from '../../utils/highlights/anchor';
import { indexText, offsetsToRange } from '../../utils/highlights/text-model';
import { addHighlight } from '../../utils/db/highlights';
import { getBody } from '../../utils/db/library-repository';
import { HIGHLIGHT_COLORS } from '../../utils/highlights/types';

async function seed(articleId: string, n: number): Promise<number> {
  const root = document.querySelector('.reader-body')!;
  const index = indexText(root);
  const body = await getBody(articleId);
  if (!body) throw new Error('no stored body');
  const basis = basisOf(body);
  const step = Math.floor(index.text.length / n);
  let made = 0;
  for (let i = 0; i < n; i++) {
    const start = i * step + 5;
    const range = offsetsToRange({ start, end: Math.min(index.text.length, start + 60) }, index);
    const selectors = range && describe(range, index);
    if (!selectors) continue;
    await addHighlight({ articleId, selectors, basis, color: HIGHLIGHT_COLORS[i % HIGHLIGHT_COLORS.length], note: i % 4 === 0 ? `Note ${i}` : '' });
    made++;
  }
  return made;
}

(globalThis as unknown as { __folioHighlightSeed: typeof seed }).__folioHighlightSeed = seed;
