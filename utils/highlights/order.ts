import type { Highlight } from './types';

/**
 * Document order: by start, then end, then creation, then id, so equal ranges
 * (two colours on one passage) keep one order everywhere: lists, painting, export.
 * Orphans sort by where they used to be.
 */
export function byDocumentOrder(a: Highlight, b: Highlight): number {
  const pa = a.selectors.position;
  const pb = b.selectors.position;
  return pa.start - pb.start || pa.end - pb.end || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
