/**
 * Requests queued inside a transaction without awaiting each one: their
 * failure is the transaction's failure (reported once by `tx.done`), so the
 * request's own promise is observed here and never surfaces as an unhandled
 * rejection when the transaction aborts.
 */
import { unwrap, type IDBPIndex, type IDBPObjectStore } from 'idb';

export function queue(request: Promise<unknown>): void {
  request.catch(() => {});
}

/**
 * For a write's catch block: aborts `tx` if it is still running (a request
 * that threw, rather than failed, would otherwise let the rest commit; its
 * `done` rejection is expected then) and returns what to throw: the failure's
 * cause (failureCause), not idb's bare AbortError.
 */
export function abandon(tx: { abort(): void; done: Promise<void> }, error: unknown): unknown {
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
  return failureCause(tx, error);
}

/**
 * A put queued on the raw store, without idb's promise and proxy: a bulk
 * write (an import of thousands) queues tens of thousands of them, and that
 * wrapping was the largest share of its main-thread time in a profile. A
 * failure still aborts the transaction (an unhandled request error does),
 * which `tx.done` reports.
 */
export function putRaw(store: object, value: unknown, key?: IDBValidKey): void {
  const raw = unwrap(store as IDBPObjectStore) as unknown as IDBObjectStore;
  if (key === undefined) raw.put(value);
  else raw.put(value, key);
}

/** `get` of every key at once on the raw index or store, answered together (see putRaw for why raw). */
export function getAllRaw<T>(source: object, keys: readonly IDBValidKey[]): Promise<(T | undefined)[]> {
  const raw = unwrap(source as IDBPIndex) as unknown as IDBIndex | IDBObjectStore;
  return new Promise((resolve, reject) => {
    const out = new Array<T | undefined>(keys.length);
    let left = keys.length;
    if (left === 0) resolve(out);
    keys.forEach((key, i) => {
      const request = raw.get(key);
      request.onsuccess = () => {
        out[i] = request.result as T | undefined;
        if (--left === 0) resolve(out);
      };
      request.onerror = () => reject(request.error);
    });
  });
}

/**
 * Why `tx` failed: its own error (the failed request's, once it has aborted),
 * else `error`, what the caller caught. Why not just `error`: when a put fails
 * (QuotaExceededError when the disk is full), Firefox dispatches the request's
 * error to the transaction before aborting it, and idb's `done` rejects on that
 * event with a bare AbortError; the user was told "couldn't reach its storage"
 * instead of "storage is full" (tests/e2e/quota.firefox.e2e.test.ts).
 */
function failureCause(tx: object, error: unknown): unknown {
  const raw = unwrap(tx as IDBPObjectStore) as unknown as IDBTransaction;
  return raw.error ?? error;
}

/** `tx.done`, rejecting with the failure's cause (failureCause) rather than idb's bare AbortError. */
export async function committed(tx: { done: Promise<void> }): Promise<void> {
  try {
    await tx.done;
  } catch (error) {
    throw failureCause(tx, error);
  }
}
