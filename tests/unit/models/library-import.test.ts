/**
 * The import dialog's model with injected reading, planning and writing:
 * choose → preview → Import → report (and downloads started only when links
 * were queued), a refused file as an error with its sentence, Cancel in the
 * preview writing nothing, and Stop during the import reaching apply's signal.
 */
import { describe, expect, it, vi } from 'vitest';
import { createImportModel, type ImportDeps } from '@/utils/models/library-import';
import type { ImportPlan } from '@/utils/transfer/import/plan';
import type { ImportReport } from '@/utils/transfer/import/report';
import { ImportFileError } from '@/utils/transfer/import-error';

const parsed = { format: 'pocket-csv' as const, label: 'Pocket export (CSV)', items: [], unreadable: [], warnings: [] };
const plan = { parsed, items: [{ item: { ref: 'r', url: 'https://a.example/', title: 'A', tags: [], archived: false, read: false, favorite: false, highlights: [] }, existingId: null }], repeats: [], unreadable: [], counts: { new: 1, duplicates: 0, unreadable: 0, repeats: 0, links: 1, withContent: 0, highlights: 0 } } as ImportPlan;
const report = (queued: number): ImportReport => ({ format: 'x', startedAt: 0, finishedAt: 1, cancelled: false, rows: [], counts: { imported: 1, merged: 0, skipped: 0, failed: 0 }, queued, warnings: [] });

function deps(over: Partial<ImportDeps> = {}): ImportDeps {
  return {
    readFile: vi.fn(async () => parsed),
    plan: vi.fn(async () => plan),
    apply: vi.fn(async () => report(1)),
    startDownloads: vi.fn(async () => {}),
    errorText: (e) => (e instanceof Error ? e.message : String(e)),
    ...over,
  };
}

const file = new File(['x'], 'export.csv');

describe('import model', () => {
  it('choose → preview → Import → report, and the downloads start', async () => {
    const d = deps();
    const m = createImportModel(d);
    await m.choose(file);
    expect(m.phase.value).toBe('preview');
    expect(m.plan.value).toBe(plan);
    expect(d.apply).not.toHaveBeenCalled();
    await m.confirm();
    expect(m.phase.value).toBe('report');
    expect(m.report.value?.counts.imported).toBe(1);
    expect(d.startDownloads).toHaveBeenCalledTimes(1);
    m.close();
    expect(m.phase.value).toBe('closed');
  });

  it('no queued links: no download is started', async () => {
    const d = deps({ apply: vi.fn(async () => report(0)) });
    const m = createImportModel(d);
    await m.choose(file);
    await m.confirm();
    expect(d.startDownloads).not.toHaveBeenCalled();
  });

  it('a refused file is an error with its sentence; Cancel in the preview writes nothing', async () => {
    const m = createImportModel(deps({ readFile: async () => { throw new ImportFileError('too-large', 'x is 1.0 GB; Folio imports files up to 200 MB.'); } }));
    await m.choose(file);
    expect(m.phase.value).toBe('error');
    expect(m.error.value).toMatch(/200 MB/);
    const d = deps();
    const ok = createImportModel(d);
    await ok.choose(file);
    ok.cancel();
    expect(ok.phase.value).toBe('closed');
    await ok.confirm();
    expect(d.apply).not.toHaveBeenCalled();
  });

  it('Stop during the import aborts apply’s signal and the report says how far it got', async () => {
    let seen: AbortSignal | undefined;
    let finish!: () => void;
    const m = createImportModel(deps({
      apply: (_p, hooks) => new Promise((resolve) => {
        seen = hooks.signal;
        hooks.onProgress?.(0, 1);
        finish = () => resolve({ ...report(0), cancelled: hooks.signal?.aborted ?? false });
      }),
    }));
    await m.choose(file);
    const running = m.confirm();
    expect(m.phase.value).toBe('importing');
    m.close(); // closing is refused while writing
    expect(m.phase.value).toBe('importing');
    m.cancel();
    expect(seen?.aborted).toBe(true);
    finish();
    await running;
    expect(m.report.value?.cancelled).toBe(true);
  });

  it('reading a backup shows how far its check is; closing the dialog stops the read', async () => {
    let step!: (done: number) => void;
    let finished = false;
    const m = createImportModel(deps({
      readFile: (_f, onProgress) => new Promise((resolve, reject) => {
        step = (done) => {
          try {
            onProgress?.(done, 3);
            if (done === 3) resolve(parsed);
          } catch (e) {
            finished = true;
            reject(e);
          }
        };
      }),
    }));
    const choosing = m.choose(file);
    expect(m.phase.value).toBe('reading');
    expect(m.readProgress.value).toEqual({ done: 0, total: 0 });
    step(1);
    expect(m.readProgress.value).toEqual({ done: 1, total: 3 });
    m.close();
    // The next article's progress ends the abandoned read; the dialog stays closed.
    step(2);
    await choosing;
    expect(finished).toBe(true);
    expect(m.phase.value).toBe('closed');
    expect(m.error.value).toBeNull();
  });
});
