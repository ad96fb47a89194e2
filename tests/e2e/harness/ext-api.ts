/**
 * The few extension API calls the harness makes from inside extension contexts
 * (service worker, extension pages). Functions passed to evaluate() run in the
 * browser, so they reach the API through globalThis with these shapes.
 */
export interface ExtTab {
  id?: number;
  url?: string;
  active: boolean;
  windowId: number;
  title?: string;
}

export interface ExtApi {
  action: {
    getTitle(details: { tabId?: number }): Promise<string>;
    openPopup(options?: { windowId?: number }): Promise<void>;
  };
  tabs: {
    query(query: { active?: boolean; lastFocusedWindow?: boolean; url?: string | string[] }): Promise<ExtTab[]>;
    get(tabId: number): Promise<ExtTab>;
  };
  storage: {
    sync: { get(keys?: string | string[] | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    local: { get(keys?: string | string[] | null): Promise<Record<string, unknown>> };
    session?: { get(keys?: string | string[] | null): Promise<Record<string, unknown>> };
  };
  runtime: { id: string; getURL(path: string): string };
}

/** Chrome's `chrome` namespace (promise-returning in MV3). */
export type ChromeGlobal = { chrome: ExtApi };
/** Firefox's `browser` namespace. */
export type BrowserGlobal = { browser: ExtApi };
