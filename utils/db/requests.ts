/**
 * Requests queued inside a transaction without awaiting each one: their
 * failure is the transaction's failure (reported once by `tx.done`), so the
 * request's own promise is observed here and never surfaces as an unhandled
 * rejection when the transaction aborts.
 */
export function queue(request: Promise<unknown>): void {
  request.catch(() => {});
}

/** Aborts `tx` if it is still running; its `done` rejection is expected then. */
export function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}
