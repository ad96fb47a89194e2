/** The library page: everything saved on this device, searchable, newest first. */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ArticleSummary } from '../utils/article/types';
import { t } from '../utils/i18n';
import { applyUiLanguage } from '../utils/ui-language';
import { createLibraryModel, UNDO_MS, type LibraryModel } from '../utils/models/library';
import { ArticleList } from './ArticleList';
import { ErrorMessage } from './ErrorMessage';
import { BrandMark, Icon, Spinner } from './Icon';
import { UndoToast } from './UndoToast';

export function Library({ model: given }: { model?: LibraryModel }) {
  const model = useMemo(() => given ?? createLibraryModel(), [given]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    applyUiLanguage();
    document.title = `${t('libraryTitle')} · ${t('popupHeading')}`;
    void model.refresh();
    // Articles saved from other tabs appear when the user comes back to this one.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void model.refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      model.dispose();
    };
  }, [model]);

  const pending = model.pending.value;
  // Removing deletes the focused button: move focus to Undo so the keyboard is not lost; when the
  // toast goes away with focus inside it, hand focus back to the page heading.
  const hadPending = useRef(false);
  useEffect(() => {
    if (pending) undoRef.current?.focus();
    else if (hadPending.current && (!document.activeElement || document.activeElement === document.body)) {
      headingRef.current?.focus();
    }
    hadPending.current = pending !== null;
  }, [pending]);

  const remove = (item: ArticleSummary) => model.remove(item);
  const status = model.status.value;
  const query = model.query.value;

  return (
    <div class="min-h-screen bg-paper text-ink">
      <header class="border-b border-line">
        <div class="mx-auto flex h-14 max-w-3xl items-center gap-2.5 px-5 sm:px-8">
          <BrandMark size={24} />
          <span class="font-serif text-lg font-bold tracking-tight">{t('popupHeading')}</span>
        </div>
      </header>
      <main class="mx-auto max-w-3xl px-5 pb-28 pt-10 sm:px-8 sm:pt-14">
        <div class="mb-8 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
          <div>
            <h1 ref={headingRef} tabIndex={-1} class="font-serif text-[2.25rem] font-bold leading-tight tracking-tight">
              {t('libraryTitle')}
            </h1>
            <p class="mt-1 text-sm text-muted">{t('librarySubtitle')}</p>
          </div>
          {status === 'ready' && (
            <p class="text-sm font-medium tabular-nums text-muted" aria-live="polite">
              {t('libraryCount', model.count.value)}
            </p>
          )}
        </div>

        <div role="search" class="relative mb-6">
          <label for="library-search" class="sr-only">
            {t('librarySearch')}
          </label>
          <Icon name="search" size={18} class="pointer-events-none absolute start-3.5 top-1/2 -translate-y-1/2 text-muted" />
          <input
            id="library-search"
            type="search"
            autoComplete="off"
            spellcheck={false}
            placeholder={t('librarySearch')}
            value={query}
            onInput={(e) => model.setQuery(e.currentTarget.value)}
            class="h-12 w-full rounded-xl border border-line-strong bg-surface ps-11 pe-4 text-[0.9375rem] text-ink shadow-sm placeholder:text-muted focus-visible:border-accent"
          />
        </div>

        <ErrorMessage message={model.error.value} class="mb-6" />
        <LibraryContent model={model} onRemove={remove} />
      </main>
      <UndoToast
        title={pending ? pending.item.title || pending.item.url : null}
        serial={pending?.serial ?? 0}
        durationMs={UNDO_MS}
        onUndo={() => model.undo()}
        onDismiss={() => void model.confirmRemoval()}
        undoRef={undoRef}
      />
    </div>
  );
}

function LibraryContent({ model, onRemove }: { model: LibraryModel; onRemove: (item: ArticleSummary) => void }) {
  const status = model.status.value;
  if (status === 'loading') {
    return (
      <p role="status" class="flex items-center gap-2.5 py-10 text-sm text-muted">
        <Spinner /> {t('libraryLoading')}
      </p>
    );
  }
  if (status === 'error') return null;
  const items = model.visible.value;
  if (items.length === 0) {
    const searched = model.shownQuery.value;
    return (
      <div class="animate-rise rounded-2xl border border-dashed border-line-strong px-6 py-14 text-center">
        <div class="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-sunken text-muted">
          <Icon name={searched ? 'search' : 'bookmark'} size={22} />
        </div>
        <p class="mx-auto max-w-sm text-[0.9375rem] leading-relaxed text-muted">
          {searched ? t('libraryNoMatch', searched) : t('libraryEmpty')}
        </p>
      </div>
    );
  }
  return (
    <>
      <ArticleList items={items} onRemove={onRemove} />
      {model.hasMore.value && (
        <div class="mt-8 flex justify-center">
          <button
            type="button"
            class="btn btn-quiet"
            aria-busy={model.loadingMore.value ? 'true' : undefined}
            onClick={() => void model.loadMore()}
          >
            {model.loadingMore.value && <Spinner size={16} />}
            {t('loadMore')}
          </button>
        </div>
      )}
    </>
  );
}
