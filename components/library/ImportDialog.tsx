/**
 * The import dialog: reading → preview (counts and lists) → "Import" or
 * Cancel → progress with Stop → the report, downloadable. A modal <dialog>
 * (focus stays inside, Esc closes it unless an import is being written).
 */
import { useEffect, useRef } from 'preact/hooks';
import { downloadBlob } from '../../utils/download';
import { t, type MessageKey } from '../../utils/i18n';
import type { ImportModel } from '../../utils/models/library-import';
import type { ImportReport, ReportStatus } from '../../utils/transfer/import/report';
import { Icon, Spinner } from '../Icon';

const STATUS_LABEL: Record<ReportStatus, MessageKey> = {
  imported: 'importCountImported',
  merged: 'importCountMerged',
  skipped: 'importCountSkipped',
  failed: 'importCountFailed',
};

function Count({ label, value, tone = '' }: { label: string; value: number; tone?: string }) {
  return (
    <div class="rounded-xl border border-line bg-paper px-3 py-2.5">
      <dt class="text-[0.8125rem] text-muted">{label}</dt>
      <dd class={`font-serif text-2xl font-bold tabular-nums ${tone}`}>{value.toLocaleString()}</dd>
    </div>
  );
}

/**
 * The report as a file. Its writers load on the click: the CSV one brings
 * papaparse, which the library page otherwise parsed before its first rows.
 */
async function download(report: ImportReport, as: 'csv' | 'json', name: string): Promise<void> {
  const { reportCsv, reportJson } = await import('../../utils/transfer/import/report');
  const text = as === 'csv' ? reportCsv(report) : reportJson(report);
  downloadBlob(new Blob([text], { type: as === 'csv' ? 'text/csv' : 'application/json' }), name);
}

function ReportView({ report }: { report: ImportReport }) {
  const stamp = new Date(report.finishedAt).toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return (
    <>
      <dl class="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {(Object.keys(STATUS_LABEL) as ReportStatus[]).map((s) => (
          <Count key={s} label={t(STATUS_LABEL[s])} value={report.counts[s]} tone={s === 'failed' && report.counts.failed ? 'text-danger' : ''} />
        ))}
      </dl>
      {report.queued > 0 && <p class="mt-3 text-sm text-ink-soft">{t('importQueuedNote', report.queued.toLocaleString())}</p>}
      <details class="mt-4">
        <summary class="cursor-pointer text-sm font-semibold text-ink-soft">{t('importShowReport')}</summary>
        <div class="mt-2 max-h-64 overflow-auto rounded-lg border border-line">
          <table class="w-full text-left text-[0.8125rem]">
            <thead class="sticky top-0 bg-sunken">
              <tr>
                <th class="px-2 py-1.5">{t('importColumnStatus')}</th>
                <th class="px-2 py-1.5">{t('importColumnItem')}</th>
                <th class="px-2 py-1.5">{t('importColumnDetail')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.slice(0, 500).map((r, i) => (
                <tr key={i} data-report-status={r.status} class="border-t border-line align-top">
                  <td class={`px-2 py-1.5 font-semibold ${r.status === 'failed' ? 'text-danger' : ''}`}>{t(STATUS_LABEL[r.status])}</td>
                  <td class="max-w-[14rem] break-words px-2 py-1.5">{r.title || r.url || r.ref}</td>
                  <td class="px-2 py-1.5 text-muted">{r.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <div class="mt-4 flex flex-wrap gap-2">
        <button type="button" class="btn btn-quiet" onClick={() => void download(report, 'csv', `folio-import-report-${stamp}.csv`)}>
          <Icon name="download" size={16} />
          {t('importDownloadCsv')}
        </button>
        <button type="button" class="btn btn-quiet" onClick={() => void download(report, 'json', `folio-import-report-${stamp}.json`)}>
          <Icon name="download" size={16} />
          {t('importDownloadJson')}
        </button>
      </div>
    </>
  );
}

export function ImportDialog({ model, onChooseAgain }: { model: ImportModel; onChooseAgain: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const phase = model.phase.value;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (phase !== 'closed' && !dialog.open) dialog.showModal();
    if (phase === 'closed' && dialog.open) dialog.close();
    // Each step puts the keyboard on its main action (Import, Close, Choose another file), else the title.
    if (phase !== 'closed') (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('h2'))?.focus();
  }, [phase]);

  const plan = model.plan.value;
  const report = model.report.value;
  const { done, total } = model.progress.value;
  const read = model.readProgress.value;
  // A backup restores whole articles and leaves the library's own as they are: no merge, no links to download.
  const backup = plan?.parsed.backup !== undefined;
  return (
    <dialog
      ref={ref}
      aria-labelledby="import-title"
      class="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-2xl border border-line-strong bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40"
      onCancel={(e) => {
        // Esc: a running import is stopped with its own button, not by closing the dialog.
        e.preventDefault();
        if (phase === 'importing') return;
        model.close();
      }}
    >
      <div class="p-5 sm:p-6">
        <h2 id="import-title" tabIndex={-1} class="font-serif text-xl font-bold outline-none">
          {phase === 'report' ? t(report?.cancelled ? 'importStopped' : 'importDone') : phase === 'error' ? t('importErrorTitle') : t('importDialogTitle')}
        </h2>

        {phase === 'reading' && (
          <>
            <p role="status" class="mt-4 flex items-center gap-2.5 text-sm text-muted">
              <Spinner /> {t('importReading', model.fileName.value)}
              {read.total > 0 && <span class="tabular-nums">{t('importReadingProgress', read.done.toLocaleString(), read.total.toLocaleString())}</span>}
            </p>
            {read.total > 0 && <progress class="mt-2 h-2 w-full accent-accent" max={read.total} value={read.done} aria-label={t('importReadingProgress', read.done.toLocaleString(), read.total.toLocaleString())} />}
          </>
        )}

        {phase === 'error' && (
          <>
            <p role="alert" class="mt-3 flex items-start gap-2.5 rounded-xl border border-danger/40 bg-danger-soft px-3.5 py-3 text-sm leading-snug text-ink">
              <Icon name="alert" size={18} class="mt-px shrink-0 text-danger" />
              <span>{model.error.value}</span>
            </p>
            <div class="mt-5 flex justify-end gap-2">
              <button type="button" class="btn btn-quiet" onClick={() => model.close()}>{t('importClose')}</button>
              <button type="button" class="btn btn-primary" data-autofocus onClick={onChooseAgain}>{t('importChooseAnother')}</button>
            </div>
          </>
        )}

        {phase === 'preview' && plan && (
          <>
            <p class="mt-1 text-sm text-muted">{t('importFrom', plan.parsed.label, model.fileName.value)}</p>
            <dl class="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label={t('importDialogTitle')}>
              <Count label={t('importCountNew')} value={plan.counts.new} />
              <Count label={t(backup ? 'importCountKept' : 'importCountDuplicates')} value={plan.counts.duplicates} />
              <Count label={t('importCountUnreadable')} value={plan.counts.unreadable} tone={plan.counts.unreadable ? 'text-danger' : ''} />
              <Count label={t('importCountHighlights')} value={plan.counts.highlights} />
            </dl>
            {plan.counts.repeats > 0 && <p class="mt-3 text-sm text-ink-soft">{t('importCountRepeats')}: {plan.counts.repeats.toLocaleString()}</p>}
            {plan.counts.links > 0 && <p class="mt-3 text-sm text-ink-soft">{t('importLinksNote', plan.counts.links.toLocaleString())}</p>}
            {backup && <p class="mt-3 text-sm text-ink-soft">{t('importBackupNote')}</p>}
            {plan.counts.duplicates > 0 && <p class="mt-2 text-sm text-muted">{t(backup ? 'importBackupKeepNote' : 'importMergeNote')}</p>}
            {plan.parsed.warnings.length > 0 && (
              <div class="mt-3 rounded-xl border border-line-strong bg-paper px-3.5 py-2.5 text-sm">
                <p class="font-semibold">{t('importWarnings')}</p>
                <ul class="mt-1 list-disc ps-5 text-ink-soft">
                  {plan.parsed.warnings.map((w) => <li key={w}>{w}</li>)}
                </ul>
              </div>
            )}
            {plan.counts.duplicates > 0 && (
              <details class="mt-3">
                <summary class="cursor-pointer text-sm font-semibold text-ink-soft">{t('importShowDuplicates')}</summary>
                <ul class="mt-1 max-h-40 overflow-auto ps-5 text-[0.8125rem] text-muted">
                  {plan.items.filter((p) => p.existingId).slice(0, 300).map((p) => <li key={p.item.ref}>{p.item.title || p.item.url}</li>)}
                </ul>
              </details>
            )}
            {plan.counts.unreadable > 0 && (
              <details class="mt-2">
                <summary class="cursor-pointer text-sm font-semibold text-ink-soft">{t('importShowUnreadable')}</summary>
                <ul class="mt-1 max-h-40 overflow-auto ps-5 text-[0.8125rem] text-muted">
                  {plan.unreadable.slice(0, 300).map((u) => <li key={u.ref}>{u.ref}: {u.reason}</li>)}
                </ul>
              </details>
            )}
            <div class="mt-6 flex justify-end gap-2">
              <button type="button" class="btn btn-quiet" onClick={() => model.cancel()}>{t('cancel')}</button>
              <button type="button" class="btn btn-primary" data-autofocus disabled={plan.items.length === 0} onClick={() => void model.confirm()}>
                <Icon name="import" size={16} />
                {t('importConfirm')}
              </button>
            </div>
          </>
        )}

        {phase === 'importing' && (
          <>
            <p role="status" class="mt-4 text-sm text-ink-soft">{t('importProgress', done.toLocaleString(), total.toLocaleString())}</p>
            <progress class="mt-2 h-2 w-full accent-accent" max={Math.max(1, total)} value={done} aria-label={t('importProgress', done.toLocaleString(), total.toLocaleString())} />
            <div class="mt-5 flex justify-end">
              <button type="button" class="btn btn-quiet" data-autofocus onClick={() => model.cancel()}>{t('importStop')}</button>
            </div>
          </>
        )}

        {phase === 'report' && report && (
          <div class="mt-4" role="status">
            <ReportView report={report} />
            <div class="mt-5 flex justify-end">
              <button type="button" class="btn btn-primary" data-autofocus onClick={() => model.close()}>{t('importClose')}</button>
            </div>
          </div>
        )}
      </div>
    </dialog>
  );
}
