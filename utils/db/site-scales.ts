/** Per-site text scales (`siteScales`): the background's, never a content script's (utils/site-font-store.ts). */
import { db } from './open';

export async function getScaleRecord(key: string): Promise<unknown> {
  return (await db()).get('siteScales', key);
}

export async function putScaleRecord(key: string, value: number | null): Promise<void> {
  const conn = await db();
  if (value === null) await conn.delete('siteScales', key);
  else await conn.put('siteScales', value, key);
}

export async function allScaleRecords(): Promise<[string, unknown][]> {
  const tx = (await db()).transaction('siteScales');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  await tx.done;
  return keys.map((k, i) => [String(k), values[i]]);
}
