/**
 * The article the highlight suites serve with addRoute: long enough that the
 * reader mounts it in two parts (over 100 kB of HTML, components/ArticleBody.tsx;
 * the last paragraph sits beside the story's block, not in it: the cut descends
 * only through wrappers with more than one child),
 * with a link, a list, a quote and a table near the top and one sentence far
 * into the second part.
 */
export const HL_PATH = '/harbour-article.html';
export const HL_TITLE = 'The harbour that rebuilt itself';

export const HL = {
  /** A sentence of its own paragraph: the mouse-drag highlight. */
  sentence: 'The ferry captains were the first to notice the change.',
  /** Two paragraphs: a drag from `crossStart` in one to `crossEnd` in the next. */
  crossStart: 'Fishing boats returned',
  crossEnd: 'before the spring tides',
  /** Inside the link's text: "harbour authority's published survey". */
  linkText: 'published survey',
  /** Highlighted with the `h` key. */
  keySentence: 'Nobody expected the old crane to work again.',
  /** Far into the second part of the mount. */
  lateSentence: 'The last word belongs to the harbour master, who said the quay had never looked better.',
} as const;

const FILLER = (i: number) =>
  `Paragraph ${i} of the survey notes how the berths, moorings and slipways of section ${i} were measured, repaired and repainted during the long winter, with each crew logging the tide tables, the weather and the hours they spent on the water.`;

export function harbourArticleHtml(): string {
  const filler: string[] = [];
  for (let i = 1; i <= 520; i++) filler.push(`<p>${FILLER(i)}</p>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${HL_TITLE}</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2025-05-02T09:00:00Z"></head>
<body><header><nav><a href="/">Home</a></nav></header>
<main><h1>${HL_TITLE}</h1><div class="story">
<p>The harbour town spent three years repairing its quays after the storm. ${HL.sentence} They said the water felt calmer inside the new breakwater.</p>
<p>According to the <a href="/survey.html">harbour authority's published survey</a>, the work finished ahead of schedule and under budget.</p>
<p>${HL.crossStart} in the second year, and the market reopened a month later.</p>
<p>The first catch was sold ${HL.crossEnd}, to a crowd that filled the quay.</p>
<ul><li>New pontoons for forty boats.</li><li>A rebuilt slipway on the north side.</li></ul>
<blockquote><p>We rebuilt it the way our grandparents built it, only stronger.</p></blockquote>
<table><tr><th>Year</th><th>Boats</th></tr><tr><td>2023</td><td>12</td></tr><tr><td>2024</td><td>37</td></tr></table>
<p>${HL.keySentence} It lifted its first load in April.</p>
${filler.join('\n')}
</div>
<p>${HL.lateSentence}</p>
</main><footer><p>The Harbour Gazette</p></footer></body></html>`;
}
