/**
 * Asks the browser to keep Folio's storage when the disk runs low
 * (`navigator.storage.persist()`), once the user has saved something worth
 * keeping. Only pages (Window contexts) have persist(): the service worker
 * does not, so the popup and the reader ask after a save. Asking again is
 * harmless: the browser answers from its earlier decision.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  try {
    if (!storage?.persist) return false;
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
