/**
 * How Folio's v3 code stored a search segment (utils/db/search-index.ts
 * writeSegment at schema version 3), frozen here so the v4 upgrade test starts
 * from a database as v3 users' browsers hold it: the header carries the
 * segment's article ids and its blocks' bounds as { first, last } objects. For
 * the test's few small articles a segment is one block, as v3 cut it. Do not
 * "fix" it: it is a record of the past.
 */
import type { IDBPDatabase } from 'idb';

interface V3Doc {
  id: string;
  weights: ReadonlyMap<string, number>;
}

/** Writes `docs` as one v3 segment under `segId`, `dead` already superseded; points the live ones at it. */
export async function writeSegmentV3(conn: IDBPDatabase<unknown>, segId: number, docs: readonly V3Doc[], dead: readonly string[] = []): Promise<void> {
  const byTerm = new Map<string, { docs: number[]; weights: number[] }>();
  docs.forEach((d, doc) => {
    for (const [t, w] of d.weights) {
      let list = byTerm.get(t);
      if (!list) byTerm.set(t, (list = { docs: [], weights: [] }));
      list.docs.push(doc);
      list.weights.push(w);
    }
  });
  const terms = [...byTerm.keys()].sort();
  const count = terms.reduce((n, t) => n + byTerm.get(t)!.docs.length, 0);
  if (count > 4_096) throw new Error('writeSegmentV3 writes one-block segments only');
  const starts = new Uint32Array(terms.length + 1);
  const postings = new Uint32Array(count);
  const weights = new Float32Array(count);
  let k = 0;
  terms.forEach((t, n) => {
    starts[n] = k;
    postings.set(byTerm.get(t)!.docs, k);
    weights.set(byTerm.get(t)!.weights, k);
    k += byTerm.get(t)!.docs.length;
  });
  starts[terms.length] = k;
  const tx = conn.transaction(['searchSegments', 'searchBlocks', 'searchDocs'], 'readwrite');
  await tx.objectStore('searchSegments').put({ id: segId, docIds: docs.map((d) => d.id), bounds: [{ first: terms[0], last: terms[terms.length - 1] }], dead: [...dead] });
  await tx.objectStore('searchBlocks').put({ terms, starts, docs: postings, weights }, [segId, 0]);
  for (const d of docs) if (!dead.includes(d.id)) await tx.objectStore('searchDocs').put({ id: d.id, seg: segId });
  await tx.done;
}
