/**
 * Pages built to hurt a content script: generated on purpose (named as such
 * wherever they are used), for the fault e2e test and the page-load benchmark.
 * Each carries a heartbeat — the page's own timer counting into
 * `document.documentElement.dataset.beats` — so a test can see that the page
 * kept running while Folio looked at it.
 */
import { STORY_PARAGRAPHS } from './sample';

const HEARTBEAT = `<script>let beats = 0; setInterval(() => { document.documentElement.dataset.beats = String(++beats); }, 50);</script>`;

function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}${HEARTBEAT}${script}</body></html>`;
}

export interface PathologicalPage {
  path: string;
  label: string;
  html: string;
}

export function pathologicalPages(): PathologicalPage[] {
  const prose = STORY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
  // ~10 MB of story text: far past what detection should read.
  let big = '';
  while (big.length < 10 * 1024 * 1024) big += prose;
  const deep = '<div>'.repeat(10_000) + '<p>Deep inside.</p>' + '</div>'.repeat(10_000);
  const many = Array.from({ length: 100_000 }, (_, i) => `<span>w${i}</span>`).join('');
  // A page that keeps adding paragraphs (a feed that never settles) and rewrites its text.
  const growing = `<script>setInterval(() => { const p = document.createElement('p'); p.textContent = ${JSON.stringify(STORY_PARAGRAPHS[0])}; document.body.append(p); if (document.body.children.length > 400) document.body.firstElementChild.textContent = 'rewritten ' + Date.now(); }, 20);</script>`;
  return [
    { path: '/huge-10mb.html', label: '10 MB page (generated)', html: page('Huge', `<article><h1>Huge</h1>${big}</article>`) },
    { path: '/deep-10000.html', label: '10,000-deep nesting (generated)', html: page('Deep', deep) },
    { path: '/nodes-100000.html', label: '100,000 elements (generated)', html: page('Many', `<div>${many}</div>`) },
    { path: '/growing.html', label: 'page that keeps growing and rewriting itself (generated)', html: page('Growing', `<article><h1>Growing</h1>${prose}</article>`, growing) },
  ];
}
