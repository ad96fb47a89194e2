/**
 * The library's "Site fixes" view: every "Fix this page" rule, what it does,
 * when it changed, and Delete with Undo. The library page is an extension
 * page and reads the rules store directly (utils/db/site-rules.ts); a delete
 * happens at once and Undo writes the rule back, so closing the page in the
 * Undo window loses nothing the user meant to keep.
 */
import { batch, signal } from '@preact/signals';
import type { SiteRule } from '../site-rules/types';

/** How long "Deleted the fix for …. Undo" stays (ms). */
export const FIX_UNDO_MS = 8_000;

export interface SiteFixesDeps {
  list(): Promise<SiteRule[]>;
  remove(site: string): Promise<SiteRule | null>;
  put(rule: SiteRule): Promise<void>;
  errorText(error: unknown): string;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type SiteFixesModel = ReturnType<typeof createSiteFixesModel>;

export function createSiteFixesModel(deps: SiteFixesDeps) {
  const open = signal(false);
  const status = signal<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const rules = signal<SiteRule[]>([]);
  const error = signal<string | null>(null);
  /** The rule just deleted, for Undo; `serial` restarts the toast for each delete. */
  const deleted = signal<{ rule: SiteRule; serial: number } | null>(null);
  let serial = 0;
  let timer: unknown = null;

  async function refresh(): Promise<void> {
    if (status.value === 'idle') status.value = 'loading';
    try {
      const list = await deps.list();
      batch(() => {
        rules.value = list;
        status.value = 'ready';
        error.value = null;
      });
    } catch (e) {
      console.warn('[folio] site fixes could not be read', e);
      batch(() => {
        status.value = 'error';
        error.value = deps.errorText(e);
      });
    }
  }

  function dismiss(): void {
    if (timer !== null) deps.clearTimeout(timer);
    timer = null;
    deleted.value = null;
  }

  async function remove(site: string): Promise<void> {
    try {
      const rule = await deps.remove(site);
      dismiss();
      batch(() => {
        rules.value = rules.value.filter((r) => r.site !== site);
        if (rule) deleted.value = { rule, serial: ++serial };
        error.value = null;
      });
      if (rule) timer = deps.setTimeout(dismiss, FIX_UNDO_MS);
    } catch (e) {
      error.value = deps.errorText(e);
    }
  }

  async function undo(): Promise<void> {
    const was = deleted.value;
    if (!was) return;
    dismiss();
    try {
      await deps.put(was.rule);
      await refresh();
    } catch (e) {
      error.value = deps.errorText(e);
    }
  }

  return {
    open, status, rules, error, deleted,
    /** Shows or hides the view; showing it reads the rules again (a fix made in a reader tab meanwhile). */
    show(on: boolean): void {
      open.value = on;
      if (on) void refresh();
      else dismiss();
    },
    refresh, remove, undo, dismiss,
  };
}
