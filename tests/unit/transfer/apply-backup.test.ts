/**
 * The Folio backup's apply flow with injected reading and writing (no
 * browser, no database): each planned article is read and restored in turn;
 * restored and duplicate rows with their ids; an article that fails to read
 * or to write fails alone with its reason while the next ones restore;
 * Stop between articles keeps what was restored and reports the rest as not
 * imported; progress and counts add up; repeats are skipped without a read.
 */
import { describe, expect, it, vi } from 'vitest';
import { applyBackupPlan, KEPT_DETAIL, restoredDetail, type BackupApplyDeps } from '@/utils/transfer/import/apply-backup';
import type { ImportPlan } from '@/utils/transfer/import/plan';
import type { ImportItem } from '@/utils/transfer/import/types';
import { bundle } from '../helpers/bundles';

const item = (n: number): ImportItem => ({ ref: `articles/${String(n).padStart(6, '0')}.json`, url: `https://news.example/story/${n}`, title: `Story ${n}`, tags: [], archived: false, read: false, favorite: false, highlights: [] });

function planOf(count: number, existing: Record<number, string> = {}, repeats: ImportPlan['repeats'] = []): ImportPlan {
  const items = Array.from({ length: count }, (_, i) => ({ item: item(i + 1), existingId: existing[i + 1] ?? null }));
  const parsed = { format: 'folio-backup' as const, label: 'Folio backup', items: items.map((p) => p.item), unreadable: [], warnings: [] };
  return { parsed, items, repeats, unreadable: [], counts: { new: count, duplicates: 0, unreadable: 0, repeats: repeats.length, links: 0, withContent: count, highlights: 0 } };
}

const numberOf = (ref: string) => Number(/(\d+)\.json$/.exec(ref)![1]);

function deps(over: Partial<BackupApplyDeps> = {}): BackupApplyDeps & { restored: string[] } {
  const restored: string[] = [];
  return {
    restored,
    readItem: vi.fn(async (ref: string) => bundle(numberOf(ref))),
    restore: vi.fn(async (b) => {
      restored.push(b.meta.id);
      return 'restored' as const;
    }),
    errorText: (e) => (e instanceof Error ? e.message : String(e)),
    now: () => 1_000,
    ...over,
  };
}

describe('applying a Folio backup', () => {
  it('restores every planned article, in order, with a row each', async () => {
    const d = deps();
    const report = await applyBackupPlan(planOf(3), d);
    expect(d.restored).toEqual(['article-1', 'article-2', 'article-3']);
    expect(report.counts).toEqual({ imported: 3, merged: 0, skipped: 0, failed: 0 });
    expect(report.rows.map((r) => [r.ref, r.status, r.id])).toEqual([
      ['articles/000001.json', 'imported', 'article-1'],
      ['articles/000002.json', 'imported', 'article-2'],
      ['articles/000003.json', 'imported', 'article-3'],
    ]);
    // bundle() has one highlight and one image, no reading position.
    expect(report.rows[0]!.detail).toBe('restored with its 1 highlight and 1 image');
    expect(report).toMatchObject({ format: 'Folio backup', cancelled: false, queued: 0, startedAt: 1_000, finishedAt: 1_000 });
  });

  it('an article the library already has is skipped, left as it is', async () => {
    const d = deps({ restore: vi.fn(async (b) => (b.meta.id === 'article-2' ? 'duplicate' : 'restored')) });
    const report = await applyBackupPlan(planOf(3, { 2: 'saved-2' }), d);
    expect(report.counts).toEqual({ imported: 2, merged: 0, skipped: 1, failed: 0 });
    expect(report.rows[1]).toMatchObject({ status: 'skipped', detail: KEPT_DETAIL, id: 'saved-2' });
  });

  it('an article that fails to read or to write fails alone, with its reason; the rest restore', async () => {
    const d = deps({
      readItem: vi.fn(async (ref: string) => {
        if (numberOf(ref) === 2) throw new Error('“articles/000002.json” is damaged (size or checksum does not match).');
        return bundle(numberOf(ref));
      }),
      restore: vi.fn(async (b) => {
        if (b.meta.id === 'article-3') throw new Error('There is not enough storage space.');
        return 'restored' as const;
      }),
    });
    const report = await applyBackupPlan(planOf(4), d);
    expect(report.rows.map((r) => r.status)).toEqual(['imported', 'failed', 'failed', 'imported']);
    expect(report.rows[1]!.detail).toMatch(/000002\.json.*damaged/);
    expect(report.rows[2]!.detail).toBe('There is not enough storage space.');
    expect(report.rows[2]!.id).toBeUndefined();
    expect(report.counts).toEqual({ imported: 2, merged: 0, skipped: 0, failed: 2 });
  });

  it('Stop midway: what was restored stays, the rest is reported as not imported, and nothing more is read', async () => {
    const controller = new AbortController();
    const restored: string[] = [];
    const d = deps({
      restore: vi.fn(async (b) => {
        restored.push(b.meta.id);
        // Stop pressed while the second article is being written.
        if (b.meta.id === 'article-2') controller.abort();
        return 'restored' as const;
      }),
      signal: controller.signal,
    });
    const report = await applyBackupPlan(planOf(5), d);
    expect(report.cancelled).toBe(true);
    expect(restored).toEqual(['article-1', 'article-2']);
    expect(d.readItem).toHaveBeenCalledTimes(2);
    expect(report.rows.map((r) => r.status)).toEqual(['imported', 'imported', 'skipped', 'skipped', 'skipped']);
    expect(report.rows[4]!.detail).toMatch(/cancelled before this item/);
    expect(report.counts).toEqual({ imported: 2, merged: 0, skipped: 3, failed: 0 });
  });

  it('progress counts every article, failed ones too; repeats and unreadable rows are reported without a read', async () => {
    const seen: [number, number][] = [];
    const d = deps({
      readItem: vi.fn(async (ref: string) => {
        if (numberOf(ref) === 1) throw new Error('bad');
        return bundle(numberOf(ref));
      }),
      onProgress: (done, total) => seen.push([done, total]),
    });
    const plan = planOf(2, {}, [{ ref: 'articles/000003.json', url: 'https://news.example/story/1', title: 'Story 1 again', sameAs: 'articles/000001.json' }]);
    const report = await applyBackupPlan(plan, d);
    expect(seen).toEqual([[0, 2], [1, 2], [2, 2]]);
    expect(d.readItem).toHaveBeenCalledTimes(2);
    expect(report.rows.at(-1)).toMatchObject({ ref: 'articles/000003.json', status: 'skipped', detail: 'listed again in the backup; the same article as articles/000001.json' });
    expect(report.counts).toEqual({ imported: 1, merged: 0, skipped: 1, failed: 1 });
  });

  it('the restored row says what came back with the article', () => {
    const b = bundle(1);
    expect(restoredDetail({ ...b, highlights: [], assets: [], position: null })).toBe('restored');
    expect(restoredDetail({ ...b, position: { fraction: 0.5, at: 1 } })).toBe('restored with its 1 highlight, 1 image and reading position');
    expect(restoredDetail({ ...b, highlights: [b.highlights[0]!, b.highlights[0]!], assets: [] })).toBe('restored with its 2 highlights');
  });
});
