/**
 * Pages streamed by React (server rendering with Suspense: Next.js and others)
 * send the story after the page's shell, as a hidden segment
 * (`<div hidden id="S:0">…</div>`) that a small inline script
 * (`$RC("B:0","S:0")`) moves into its place once it arrives: the template
 * `<template id="B:0">` that marks the boundary, whose loading skeleton it
 * replaces. A nested part is completed the same way into a placeholder
 * (`$RS("S:1","P:1")` into `<template id="P:1">`).
 *
 * In a tab the page's scripts have done this. A page read without running
 * them — "Save link", an imported link fetched in the background, the CLI —
 * still has the story hidden, and Readability skips hidden elements: it
 * settles on the footer. On 33 of the 1,497 WCXB development pages the
 * content sits in such segments (14 of them articles).
 *
 * So, on the working copy only, each segment is moved where its script would
 * move it. The moves are read from the page's own inline scripts (or React's
 * instruction templates, `<template data-rci data-bid data-sid>`), and where a
 * capture kept the segments but not the scripts, a segment goes into the
 * placeholder of its own number (a placeholder is named after its segment) or
 * the boundary of the same number; one left over is unhidden where it is.
 */

const SEGMENT = /^S:[0-9a-z]+$/i;
/** `$RC("B:0","S:0")` / `$RR("B:0","S:0",…)`: boundary ← segment; `$RS("S:1","P:1")`: segment → placeholder. */
const CALL = /\$R([CRS])\(\s*"([^"]{1,40})"\s*,\s*"([^"]{1,40})"/g;

interface Move {
  segment: string;
  /** The template the segment takes the place of. */
  target: string;
  /** A boundary's loading fallback goes with its template; a placeholder has none. */
  boundary: boolean;
}

function scriptedMoves(doc: Document): Move[] {
  const moves: Move[] = [];
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    if (!text.includes('$R')) continue;
    for (const [, kind, a, b] of text.matchAll(CALL)) {
      if (kind === 'S') moves.push({ segment: a!, target: b!, boundary: false });
      else moves.push({ segment: b!, target: a!, boundary: true });
    }
  }
  for (const t of Array.from(doc.querySelectorAll('template[data-sid]'))) {
    const segment = t.getAttribute('data-sid')!;
    const boundary = t.getAttribute('data-bid');
    const placeholder = t.getAttribute('data-pid');
    if (boundary) moves.push({ segment, target: boundary, boundary: true });
    else if (placeholder) moves.push({ segment, target: placeholder, boundary: false });
  }
  return moves;
}

function byId(doc: Document, id: string): Element | null {
  // getElementById is not on every DOM's Document the same way (linkedom); the attribute selector is.
  return doc.querySelector(`[id="${id.replace(/["\\]/g, '\\$&')}"]`);
}

/** The hidden segment `id`, or null (already moved, or not a segment). */
function segmentEl(doc: Document, id: string): Element | null {
  const el = byId(doc, id);
  return el && el.tagName === 'DIV' && el.hasAttribute('hidden') ? el : null;
}

/** Drops a boundary's fallback: the nodes after its template up to the boundary's closing `<!--/$-->`. */
function dropFallback(template: Element): void {
  let depth = 0;
  const doomed: ChildNode[] = [];
  for (let n = template.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === 8) {
      const data = (n as Comment).data;
      if (data === '/$') {
        if (depth === 0) {
          for (const d of doomed) d.remove();
          return;
        }
        depth--;
      } else if (data === '$' || data === '$?' || data === '$!') depth++;
    }
    doomed.push(n);
  }
  // No closing marker (a capture without comments): the fallback stays. It is a skeleton of empty boxes.
}

function apply(doc: Document, move: Move): boolean {
  const segment = segmentEl(doc, move.segment);
  const target = byId(doc, move.target);
  if (!segment || !target || target.tagName !== 'TEMPLATE' || segment.contains(target)) return false;
  if (move.boundary) dropFallback(target);
  const parent = target.parentNode!;
  while (segment.firstChild) parent.insertBefore(segment.firstChild, target);
  target.remove();
  segment.remove();
  return true;
}

/** Moves every streamed segment of `doc` into place; returns how many moved or were unhidden. */
export function revealStreamedSegments(doc: Document): number {
  const hidden = Array.from(doc.querySelectorAll('div[hidden][id^="S:"]')).filter((el) => SEGMENT.test(el.id));
  // Nothing hidden, nothing to move (a tab whose scripts ran): the scripts are not even read.
  if (!hidden.length) return 0;
  let done = 0;
  for (const move of scriptedMoves(doc)) if (apply(doc, move)) done++;
  // Segments whose scripts the page did not keep: by number, placeholder first (named after its segment).
  for (const el of hidden) {
    if (!el.parentNode || !el.hasAttribute('hidden')) continue;
    const n = el.id.slice(2);
    if (apply(doc, { segment: el.id, target: `P:${n}`, boundary: false }) || apply(doc, { segment: el.id, target: `B:${n}`, boundary: true })) {
      done++;
      continue;
    }
    el.removeAttribute('hidden');
    done++;
  }
  return done;
}
