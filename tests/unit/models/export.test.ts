import { describe, expect, it } from 'vitest';
import { createExportModel, libraryScopeIds, type ExportDeps } from '@/utils/models/export';
import { ExportCancelledError } from '@/utils/transfer/bundle';
import type { ExportOutput } from '@/utils/transfer/export/formats';

function deps(run: ExportDeps['run']): ExportDeps & { downloads: string[] } {
  const downloads: string[] = [];
  return {
    run,
    download: (_blob, name) => downloads.push(name),
    errorText: (e) => `failed: ${(e as Error).message}`,
    ids: (scope) => (scope === 'selected' ? ['b'] : scope === 'shown' ? ['a', 'b'] : ['a', 'b', 'c']),
    downloads,
  };
}
const output = (articles: number): ExportOutput => ({ blob: new Blob(['x']), fileName: 'folio-backup-2026-12-01.zip', articles, withoutBody: 0 });

describe('export model', () => {
  it('runs the chosen format over the chosen scope, reports progress, downloads the file', async () => {
    const seen: { format: string; ids: readonly string[] }[] = [];
    const progress: number[] = [];
    const d = deps(async (format, ids, options) => {
      seen.push({ format, ids });
      for (let i = 1; i <= ids.length; i++) {
        options.onProgress?.(i, ids.length);
        progress.push(model.progress.value.done);
      }
      return output(ids.length);
    });
    const model = createExportModel(d);
    model.open(false);
    model.setFormat('markdown');
    model.setScope('shown');
    await model.start();
    expect(seen).toEqual([{ format: 'markdown', ids: ['a', 'b'] }]);
    expect(progress).toEqual([1, 2]);
    expect(d.downloads).toEqual(['folio-backup-2026-12-01.zip']);
    expect(model.phase.value).toBe('done');
    expect(model.result.value?.articles).toBe(2);
  });

  it('opening with a selection picks the selection', () => {
    const model = createExportModel(deps(async () => output(0)));
    model.open(true);
    expect(model.scope.value).toBe('selected');
    model.open(false);
    expect(model.scope.value).toBe('all');
  });

  it('Cancel aborts the run: no download, "cancelled", back to the choice', async () => {
    let signal: AbortSignal | undefined;
    let release!: () => void;
    const d = deps((_f, _ids, options) => {
      signal = options.signal;
      return new Promise((_resolve, reject) => {
        release = () => reject(new ExportCancelledError());
      });
    });
    const model = createExportModel(d);
    model.open(false);
    const running = model.start();
    expect(model.phase.value).toBe('running');
    model.cancel();
    expect(signal?.aborted).toBe(true);
    release();
    await running;
    expect(model.phase.value).toBe('choose');
    expect(model.cancelled.value).toBe(true);
    expect(model.error.value).toBeNull();
    expect(d.downloads).toEqual([]);
  });

  it('a failure shows its message and downloads nothing', async () => {
    const d = deps(async () => {
      throw new Error('quota');
    });
    const model = createExportModel(d);
    model.open(false);
    await model.start();
    expect(model.error.value).toBe('failed: quota');
    expect(model.phase.value).toBe('choose');
    expect(d.downloads).toEqual([]);
  });

  it('scopes from the library model: everything newest first, the shown rows, the selection', () => {
    const library = {
      live: { value: [{ id: 'old', savedAt: 1 }, { id: 'new', savedAt: 3 }, { id: 'mid', savedAt: 2 }] },
      visible: { value: [{ id: 'mid' }] },
      selectedShown: { value: ['new'] },
    };
    expect(libraryScopeIds(library, 'all')).toEqual(['new', 'mid', 'old']);
    expect(libraryScopeIds(library, 'shown')).toEqual(['mid']);
    expect(libraryScopeIds(library, 'selected')).toEqual(['new']);
  });
});

describe('export before the library has every row', () => {
  it('"everything" waits for the whole library, not the first screen', async () => {
    const { signal } = await import('@preact/signals');
    const { whenLoaded } = await import('@/utils/models/export');
    const complete = signal(false);
    const error = signal<unknown>(null);
    const rows = signal(['a', 'b']);
    const runs: (readonly string[])[] = [];
    const model = createExportModel({
      run: async (_f, ids) => {
        runs.push(ids);
        return { blob: new Blob(['x']), fileName: 'f.zip', articles: ids.length, withoutBody: 0 };
      },
      download: () => {},
      errorText: String,
      ids: () => rows.value,
      ready: () => whenLoaded({ complete, error }),
    });
    model.open(false);
    const started = model.start();
    await new Promise((r) => setTimeout(r, 10));
    // Positive control for "it waits": nothing ran while the library was still loading.
    expect(runs).toEqual([]);
    rows.value = ['a', 'b', 'c', 'd'];
    complete.value = true;
    await started;
    expect(runs).toEqual([['a', 'b', 'c', 'd']]);
  });
});
