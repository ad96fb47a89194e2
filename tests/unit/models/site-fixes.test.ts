/** The library's "Site fixes" model: list, Delete with Undo, the toast's end. */
import { describe, expect, it, vi } from 'vitest';
import { createSiteFixesModel, FIX_UNDO_MS } from '../../../utils/models/site-fixes';
import type { SiteRule } from '../../../utils/site-rules/types';

const rule = (site: string, updatedAt: number): SiteRule => ({ site, article: 'div.copy', remove: [], createdAt: 1, updatedAt });

function setup(initial: SiteRule[]) {
  const store = new Map(initial.map((r) => [r.site, r]));
  const timers: { fn: () => void; ms: number }[] = [];
  const model = createSiteFixesModel({
    list: async () => [...store.values()].sort((a, b) => b.updatedAt - a.updatedAt),
    remove: async (site) => {
      const r = store.get(site) ?? null;
      store.delete(site);
      return r;
    },
    put: async (r) => void store.set(r.site, r),
    errorText: () => 'failed',
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: vi.fn(),
  });
  return { model, store, timers };
}

describe('site fixes', () => {
  it('lists the rules when shown, newest first', async () => {
    const { model } = setup([rule('a.example', 1), rule('b.example', 2)]);
    model.show(true);
    await vi.waitFor(() => expect(model.status.value).toBe('ready'));
    expect(model.rules.value.map((r) => r.site)).toEqual(['b.example', 'a.example']);
  });

  it('Delete removes at once and offers Undo, which writes the rule back; the toast ends after its time', async () => {
    const { model, store, timers } = setup([rule('a.example', 1)]);
    await model.refresh();
    await model.remove('a.example');
    expect(store.has('a.example')).toBe(false);
    expect(model.rules.value).toEqual([]);
    expect(model.deleted.value?.rule.site).toBe('a.example');
    expect(timers.at(-1)?.ms).toBe(FIX_UNDO_MS);
    await model.undo();
    expect(store.get('a.example')).toEqual(rule('a.example', 1));
    expect(model.rules.value.map((r) => r.site)).toEqual(['a.example']);
    expect(model.deleted.value).toBeNull();

    await model.remove('a.example');
    timers.at(-1)!.fn();
    expect(model.deleted.value).toBeNull();
    expect(store.has('a.example')).toBe(false);
  });
});
