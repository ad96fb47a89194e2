/**
 * "Export": a modal dialog (native <dialog>: focus stays inside, Escape
 * closes) to pick a format and which articles, then a progress bar with
 * Cancel, then the result. Renders the export model only.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import type { ExportModel, ExportScope } from '../../utils/models/export';
import { EXPORT_FORMATS, type ExportFormat } from '../../utils/transfer/export/format-list';
import { ErrorMessage } from '../ErrorMessage';
import { Icon } from '../Icon';

const FORMAT_TEXT: Record<ExportFormat, [MessageKey, MessageKey]> = {
  backup: ['exportFormatBackup', 'exportFormatBackupHint'],
  markdown: ['exportFormatMarkdown', 'exportFormatMarkdownHint'],
  html: ['exportFormatHtml', 'exportFormatHtmlHint'],
  epub: ['exportFormatEpub', 'exportFormatEpubHint'],
  'pocket-csv': ['exportFormatPocket', 'exportFormatPocketHint'],
  bookmarks: ['exportFormatBookmarks', 'exportFormatBookmarksHint'],
  'readwise-csv': ['exportFormatReadwise', 'exportFormatReadwiseHint'],
};

const SCOPE_TEXT: Record<ExportScope, MessageKey> = { all: 'exportScopeAll', shown: 'exportScopeShown', selected: 'exportScopeSelected' };

export function ExportButton({ onOpen }: { onOpen: () => void }) {
  return (
    <button type="button" class="btn btn-quiet min-h-9 px-3" aria-haspopup="dialog" onClick={onOpen}>
      <Icon name="export" size={16} />
      {t('exportButton')}
    </button>
  );
}

export function ExportDialog({ model }: { model: ExportModel }) {
  const ref = useRef<HTMLDialogElement>(null);
  const phase = model.phase.value;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (phase !== 'closed' && !dialog.open) dialog.showModal();
    if (phase === 'closed' && dialog.open) dialog.close();
  }, [phase]);

  const running = phase === 'running';
  const { done, total } = model.progress.value;
  const result = model.result.value;
  const scopes: ExportScope[] = ['all', 'shown', 'selected'];
  return (
    <dialog
      ref={ref}
      aria-labelledby="export-title"
      class="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-2xl border border-line-strong bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40"
      // Escape closes the dialog natively (never prevented: Chrome's close watchers then force it anyway);
      // the model follows, cancelling an export that is still running.
      onClose={() => {
        if (model.phase.value !== 'closed') model.close();
      }}
      // The library's own keys (/, arrows, Escape) belong to the page behind, not to the dialog.
      onKeyDown={(e) => e.stopPropagation()}
    >
      {/* Nothing inside while closed: the scope counts sort every article (10,000 at scale) on each
          render, and the closed form was a fifth of the elements the library's first paint built. */}
      {phase !== 'closed' && (
        <form
          method="dialog"
          class="space-y-5 p-6"
          onSubmit={(e) => {
            e.preventDefault();
            if (!running) void model.start();
          }}
        >
          <h2 id="export-title" class="font-serif text-2xl font-bold">{t('exportTitle')}</h2>
          <fieldset disabled={running} class="space-y-1.5">
            <legend class="mb-2 text-sm font-bold text-ink-soft">{t('exportFormat')}</legend>
            {EXPORT_FORMATS.map((f) => (
              <label key={f} class="flex cursor-pointer items-start gap-3 rounded-lg px-2 py-1.5 hover:bg-sunken">
                <input type="radio" name="export-format" value={f} class="mt-1 accent-[var(--color-accent)]" checked={model.format.value === f}
                  aria-describedby={`export-hint-${f}`} onChange={() => model.setFormat(f)} />
                <span>
                  <span class="block text-sm font-semibold">{t(FORMAT_TEXT[f][0])}</span>
                  <span id={`export-hint-${f}`} class="block text-[0.8rem] leading-snug text-muted">{t(FORMAT_TEXT[f][1])}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset disabled={running} class="space-y-1">
            <legend class="mb-2 text-sm font-bold text-ink-soft">{t('exportScope')}</legend>
            {scopes.map((s) => {
              const count = model.count(s);
              if (s === 'selected' && count === 0) return null;
              return (
                <label key={s} class="flex cursor-pointer items-center gap-3 rounded-lg px-2 py-1.5 text-sm hover:bg-sunken">
                  <input type="radio" name="export-scope" value={s} class="accent-[var(--color-accent)]" checked={model.scope.value === s} onChange={() => model.setScope(s)} />
                  {t(SCOPE_TEXT[s], count.toLocaleString())}
                </label>
              );
            })}
          </fieldset>
          {running && (
            <div class="space-y-2" role="status">
              <progress class="progress-bar w-full" max={Math.max(1, total)} value={done} aria-label={t('exportProgressLabel')} />
              <p class="text-sm tabular-nums text-ink-soft">{t('exportProgress', done.toLocaleString(), total.toLocaleString())}</p>
            </div>
          )}
          <div role="status" aria-live="polite" class="text-sm text-ink-soft empty:hidden">
            {phase === 'done' && result && (
              <p class="flex items-start gap-2">
                <Icon name="check-circle" size={18} class="mt-px shrink-0 text-accent" />
                <span>
                  {t('exportDone', result.articles.toLocaleString(), result.fileName)}
                  {result.withoutBody > 0 && <> {t('exportWithoutBody', result.withoutBody.toLocaleString())}</>}
                </span>
              </p>
            )}
            {phase === 'choose' && model.cancelled.value && <p>{t('exportCancelled')}</p>}
            {phase === 'choose' && model.count(model.scope.value) === 0 && <p>{t('exportNothing')}</p>}
          </div>
          <ErrorMessage message={model.error.value} />
          <div class="flex justify-end gap-2">
            {running ? (
              <button type="button" class="btn btn-quiet" onClick={() => model.cancel()}>
                {t('exportCancel')}
              </button>
            ) : (
              <>
                <button type="button" class="btn btn-ghost" onClick={() => model.close()}>
                  {t('exportClose')}
                </button>
                <button type="submit" class="btn btn-primary" disabled={model.count(model.scope.value) === 0}>
                  <Icon name="export" size={17} />
                  {t('exportStart')}
                </button>
              </>
            )}
          </div>
        </form>
      )}
    </dialog>
  );
}
