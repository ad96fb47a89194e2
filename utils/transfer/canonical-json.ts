/**
 * JSON with object keys in sorted order, so the same records give the same
 * bytes however they were built (a record read from IndexedDB and the same
 * record rebuilt by a validator list their keys in different orders). Undefined
 * values are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown, indent = 0): string {
  return JSON.stringify(sortKeys(value), null, indent || undefined);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}
