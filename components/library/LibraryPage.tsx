/**
 * The library page: views and tags on the side; search, sort and filters over
 * a windowed list of every saved article; a bulk bar for the selection; the
 * undo toast for deletes. Renders the model's signals only.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { applyUiLanguage } from '../../utils/ui-language';
import type { ExportModel } from '../../utils/models/export';
import { UNDO_MS, type LibraryModel } from '../../utils/models/library';
import { ErrorMessage } from '../ErrorMessage';
import { BrandMark, Icon, Spinner } from '../Icon';
import { UndoToast } from '../UndoToast';
import type { FetchProgressModel } from '../../utils/models/fetch-progress';
import type { ImportModel } from '../../utils/models/library-import';
import { BulkBar } from './BulkBar';
import { DownloadProgress } from './DownloadProgress';
import { ImportButton } from './ImportButton';
import { ImportDialog } from './ImportDialog';
import { EmptyState } from './EmptyState';
import { ExportButton, ExportDialog } from './ExportDialog';
import { ListControls } from './ListControls';
import { SearchBar } from './SearchBar';
import { StorageInfo } from './StorageInfo';
import { TagsManager } from './TagsManager';
import { usePageEffects } from './use-page-effects';
import { ViewNav } from './ViewNav';
import { HighlightsView } from './HighlightsView';
import { useHighlightsRoute } from './use-highlights-route';
import type { HighlightsModel } from '../../utils/models/library-highlights';
import type { SiteFixesModel } from '../../utils/models/site-fixes';
import { SiteFixesView } from './SiteFixesView';
import { useSiteFixesRoute } from './use-site-fixes-route';
import { VirtualList } from './VirtualList';

export function LibraryPage({ model, highlights, fixes, importer, downloads, exporter }: {
  model: LibraryModel;
  highlights: HighlightsModel;
  fixes: SiteFixesModel;
  importer: ImportModel;
  downloads: FetchProgressModel;
  exporter: ExportModel;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  usePageEffects(model, searchRef);
  useHighlightsRoute(highlights);
  useSiteFixesRoute(fixes);
  const inHighlights = highlights.open.value;
  const inFixes = fixes.open.value && !inHighlights;

  useEffect(() => {
    applyUiLanguage();
    document.title = `${t('libraryTitle')} · ${t('popupHeading')}`;
  }, []);

  // Deleting removes the focused button: focus goes to Undo so the keyboard is not lost; when the
  // toast goes away with focus inside it, focus returns to the page heading.
  const pending = model.pending.value;
  const hadPending = useRef(false);
  useEffect(() => {
    if (pending) undoRef.current?.focus();
    else if (hadPending.current && (!document.activeElement || document.activeElement === document.body)) {
      headingRef.current?.focus();
    }
    hadPending.current = pending !== null;
  }, [pending]);

  const status = model.status.value;
  return (
    <div class="min-h-screen bg-paper text-ink">
      <header class="border-b border-line">
        <div class="mx-auto flex h-14 max-w-6xl items-center gap-2.5 px-5 sm:px-8">
          <BrandMark size={24} />
          <span class="font-serif text-lg font-bold tracking-tight">{t('popupHeading')}</span>
          <div class="ms-auto flex items-center gap-2">
            <ImportButton model={importer} inputRef={fileRef} />
            {status === 'ready' && <ExportButton onOpen={() => exporter.open(model.selectedShown.value.length > 0)} />}
          </div>
        </div>
      </header>
      <div class="mx-auto grid max-w-6xl grid-cols-[minmax(0,1fr)] gap-x-10 gap-y-6 px-5 pb-32 pt-8 sm:px-8 lg:grid-cols-[14rem_minmax(0,1fr)] lg:pt-12">
        <aside class="min-w-0 space-y-8 lg:sticky lg:top-8 lg:self-start">
          <ViewNav model={model} highlights={highlights} fixes={fixes} />
          <div class="hidden space-y-8 lg:block">
            <TagsManager model={model} idPrefix="side" />
            <StorageInfo usage={model.usage.value} idPrefix="side" />
          </div>
        </aside>
        <main class="min-w-0">
          <div class="mb-6">
            <h1 ref={headingRef} tabIndex={-1} class="font-serif text-[2.25rem] font-bold leading-tight tracking-tight">
              {t('libraryTitle')}
            </h1>
            <p class="mt-1 text-sm text-muted">{inHighlights ? t('libraryHighlightsSubtitle') : inFixes ? t('libraryFixesSubtitle') : t('librarySubtitle')}</p>
          </div>
          {/* Narrow screens: the side column folds above the list (below 10,000 rows it would be out of reach). */}
          <details class="mb-4 rounded-xl border border-line bg-surface px-3 py-2 lg:hidden">
            <summary class="cursor-pointer py-1 text-sm font-semibold text-ink-soft">{t('libraryTagsAndStorage')}</summary>
            <div class="space-y-6 pb-2 pt-3">
              <TagsManager model={model} idPrefix="folded" />
              <StorageInfo usage={model.usage.value} idPrefix="folded" />
            </div>
          </details>
          <DownloadProgress model={downloads} />
          {inHighlights ? (
            <HighlightsView model={highlights} searchRef={searchRef} />
          ) : inFixes ? (
            <SiteFixesView model={fixes} />
          ) : (
            <>
              <SearchBar model={model} inputRef={searchRef} />
              <p id="library-keys" class="mt-2 text-[0.75rem] text-muted max-sm:hidden">
                {t('libraryKeys')}
              </p>
            </>
          )}
          {model.blocked.value && (
            <p role="status" class="mt-4 flex items-start gap-2.5 rounded-xl border border-line-strong bg-surface px-3.5 py-3 text-sm leading-snug text-ink-soft">
              <Icon name="info" size={18} class="mt-px shrink-0 text-accent" />
              {t('libraryUpgradeBlocked')}
            </p>
          )}
          <ErrorMessage message={model.error.value} class="mt-4" />
          {status === 'error' && (
            <button type="button" class="btn btn-quiet mt-3" onClick={() => void model.refresh()}>
              {t('libraryRetry')}
            </button>
          )}
          {status === 'loading' && (
            <p role="status" class="flex items-center gap-2.5 py-10 text-sm text-muted">
              <Spinner /> {t('libraryLoading')}
            </p>
          )}
          {status === 'ready' && !inHighlights && !inFixes && <Results model={model} />}
        </main>
      </div>
      <p class="sr-only" role="status" aria-live="polite">
        {model.notice.value ?? ''}
      </p>
      <ImportDialog model={importer} onChooseAgain={() => fileRef.current?.click()} />
      <UndoToast
        message={pending?.message ?? null}
        serial={pending?.serial ?? 0}
        durationMs={UNDO_MS}
        onUndo={() => model.undo()}
        onDismiss={() => void model.commitPending()}
        undoRef={undoRef}
      />
      <ExportDialog model={exporter} />
    </div>
  );
}

function Results({ model }: { model: LibraryModel }) {
  const empty = model.emptyKind.value;
  const rows = model.visible.value;
  return (
    <>
      {empty !== 'library' && <ListControls model={model} />}
      <BulkBar model={model} />
      {empty ? (
        <EmptyState
          kind={empty}
          query={model.query.value}
          onClearFilters={() => {
            model.setView('saved');
            model.setTag(null);
            model.setSite(null);
          }}
        />
      ) : (
        <VirtualList rows={rows} model={model} />
      )}
    </>
  );
}
