/**
 * The library's highlights view: every highlight across all saved articles,
 * newest first, with its quote, note, colour and article (the title opens the
 * library copy in the reader). Searchable (quotes and notes are in the
 * library's index), filterable by colour, keyboard navigable (↑ ↓ Home End
 * between highlights, Enter opens). Renders the highlights model only.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { formatDate, isoDate } from '../../utils/format';
import { swatchOf } from '../../utils/highlights/paint';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../utils/highlights/types';
import { t, type MessageKey } from '../../utils/i18n';
import type { HighlightRow, HighlightsModel } from '../../utils/models/library-highlights';
import { ErrorMessage } from '../ErrorMessage';
import { Icon, Spinner } from '../Icon';
import { readerHref } from './ArticleRow';
import { Marked } from './Marked';
import { SearchBar } from './SearchBar';

export const COLOR_LABEL: Record<HighlightColor, MessageKey> = {
  yellow: 'libraryColorYellow',
  green: 'libraryColorGreen',
  blue: 'libraryColorBlue',
  pink: 'libraryColorPink',
  purple: 'libraryColorPurple',
};

function isTextField(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && el.matches('input, textarea, select');
}

export function HighlightsView({ model, searchRef }: { model: HighlightsModel; searchRef: RefObject<HTMLInputElement | null> }) {
  const status = model.status.value;
  return (
    <section aria-labelledby="highlights-heading">
      <h2 id="highlights-heading" class="sr-only">
        {t('libraryViewHighlights')}
      </h2>
      <SearchBar
        model={model}
        inputRef={searchRef}
        label="libraryHighlightsSearch"
        placeholder="libraryHighlightsSearchPlaceholder"
        describedBy="highlights-keys"
        keyHint={false}
        onEscape={model.escape}
      />
      <p id="highlights-keys" class="mt-2 text-[0.75rem] text-muted max-sm:hidden">
        {t('libraryHighlightsKeys')}
      </p>
      <ErrorMessage message={model.error.value} class="mt-4" />
      {(status === 'loading' || status === 'idle') && (
        <p role="status" class="flex items-center gap-2.5 py-10 text-sm text-muted">
          <Spinner /> {t('libraryLoading')}
        </p>
      )}
      {status === 'error' && (
        <button type="button" class="btn btn-quiet mt-3" onClick={() => void model.load()}>
          {t('libraryRetry')}
        </button>
      )}
      {status === 'ready' && (
        <>
          <ColorFilter model={model} />
          <HighlightList model={model} />
        </>
      )}
    </section>
  );
}

function ColorFilter({ model }: { model: HighlightsModel }) {
  const current = model.color.value;
  const counts = model.counts.value;
  const count = model.count.value;
  const choice = (color: HighlightColor | null, label: string, n: number) => {
    const active = current === color;
    return (
      <button
        key={color ?? 'all'}
        type="button"
        aria-pressed={active ? 'true' : 'false'}
        onClick={() => model.setColor(color)}
        class={`inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-[0.8125rem] font-semibold transition-colors ${
          active ? 'border-accent bg-accent-soft text-accent' : 'border-line-strong text-ink-soft hover:bg-sunken'
        }`}
      >
        {color && <span aria-hidden="true" class="size-3 rounded-full border border-line-strong" style={{ backgroundColor: swatchOf(color) }} />}
        {label}
        <span aria-hidden="true" class="font-medium tabular-nums text-muted">
          {n.toLocaleString()}
        </span>
      </button>
    );
  };
  const total = model.present.value.length;
  return (
    <div class="flex flex-wrap items-center gap-x-4 gap-y-3 py-3">
      <p class="text-[0.8125rem] font-semibold tabular-nums text-ink" aria-live="polite" aria-atomic="true">
        {count === 1 ? t('libraryHighlightsCountOne') : t('libraryHighlightsCountMany', count.toLocaleString())}
      </p>
      <div role="group" aria-label={t('libraryHighlightsColor')} class="ms-auto flex flex-wrap items-center gap-1.5">
        {choice(null, t('libraryHighlightsAllColors'), total)}
        {HIGHLIGHT_COLORS.map((c) => choice(c, t(COLOR_LABEL[c]), counts[c]))}
      </div>
    </div>
  );
}

function HighlightList({ model }: { model: HighlightsModel }) {
  const box = useRef<HTMLUListElement>(null);
  const rows = model.visible.value;
  const empty = model.emptyKind.value;

  // A keyboard move: focus the row (it is rendered: the list is not windowed) and keep it in view.
  const request = model.focusRequest.value;
  useLayoutEffect(() => {
    if (!request || !box.current) return;
    const el = box.current.querySelector<HTMLElement>(`[data-highlight-id="${CSS.escape(request.id)}"]`);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  }, [request]);

  if (empty) return <HighlightsEmpty kind={empty} model={model} />;

  const onKeyDown = (e: KeyboardEvent) => {
    if (isTextField(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    const delta = moves[e.key];
    if (delta !== undefined) {
      e.preventDefault();
      model.moveFocus(Number.isFinite(delta) ? delta : delta > 0 ? rows.length : -rows.length);
      return;
    }
    const row = e.target instanceof HTMLElement && e.target.matches('[data-highlight-id]') ? e.target : null;
    if (row && e.key === 'Enter') {
      e.preventDefault();
      row.querySelector<HTMLAnchorElement>('a[data-open]')?.click();
    }
  };

  const focused = model.focusedId.value;
  const focusedShown = focused !== null && rows.some((r) => r.highlight.id === focused);
  return (
    <>
      <ul ref={box} aria-label={t('libraryViewHighlights')} class="border-t border-line" onKeyDown={onKeyDown}>
        {rows.map((row, i) => (
          <HighlightItem
            key={row.highlight.id}
            row={row}
            terms={model.terms.value}
            focusable={focusedShown ? row.highlight.id === focused : i === 0}
            onFocus={() => {
              model.focusedId.value = row.highlight.id;
            }}
          />
        ))}
      </ul>
      {model.more.value && (
        <button type="button" class="btn btn-quiet mt-4" onClick={() => model.showMore()}>
          {t('libraryHighlightsMore')}
        </button>
      )}
    </>
  );
}

function HighlightItem({ row, terms, focusable, onFocus }: { row: HighlightRow; terms: readonly string[]; focusable: boolean; onFocus: () => void }) {
  const { highlight: h, article } = row;
  const quoteId = `hl-quote-${h.id}`;
  const made = formatDate(h.createdAt, 'medium');
  const title = article ? article.title || article.url : '';
  return (
    <li
      data-highlight-id={h.id}
      data-color={h.color}
      tabIndex={focusable ? 0 : -1}
      aria-labelledby={quoteId}
      onFocusCapture={onFocus}
      class="flex gap-3 border-b border-line px-2 py-4 sm:gap-4 sm:px-3"
    >
      <span aria-hidden="true" class="mt-1 w-1.5 shrink-0 self-stretch rounded-full" style={{ backgroundColor: swatchOf(h.color) }} />
      <div class="min-w-0 flex-1">
        <blockquote id={quoteId} class="line-clamp-6 font-serif text-[1.0625rem] leading-relaxed text-ink">
          <span class="sr-only">{t('libraryHighlightColorName', t(COLOR_LABEL[h.color]))}: </span>
          <Marked text={h.selectors.quote.exact} terms={terms} />
        </blockquote>
        {h.note.trim() && (
          <p class="mt-2 flex gap-2 text-[0.9375rem] leading-snug text-ink-soft">
            <Icon name="pencil" size={15} class="mt-0.5 shrink-0 text-muted" />
            <span class="sr-only">{t('libraryHighlightNote')}: </span>
            <span class="min-w-0 whitespace-pre-line">
              <Marked text={h.note} terms={terms} />
            </span>
          </p>
        )}
        <p class="mt-2 flex min-w-0 flex-wrap items-center gap-x-2 text-[0.8125rem] text-muted">
          {article && (
            <a
              data-open
              href={readerHref(h.articleId)}
              tabIndex={-1}
              class="min-w-0 truncate font-semibold text-ink-soft decoration-accent decoration-2 underline-offset-4 hover:underline focus-visible:underline"
            >
              <Marked text={title} terms={terms} />
            </a>
          )}
          {article && (article.siteName || article.siteKey) && <span aria-hidden="true">·</span>}
          {article && <span class="truncate">{article.siteName || article.siteKey}</span>}
          {made && <span aria-hidden="true">·</span>}
          {made && <time dateTime={isoDate(h.createdAt)}>{t('libraryHighlightedOn', made)}</time>}
          {h.orphaned && <span aria-hidden="true">·</span>}
          {h.orphaned && <span class="font-semibold text-ink-soft">{t('libraryHighlightOrphan')}</span>}
        </p>
      </div>
    </li>
  );
}

function HighlightsEmpty({ kind, model }: { kind: 'none' | 'search' | 'color'; model: HighlightsModel }) {
  return (
    <div class="animate-rise rounded-2xl border border-dashed border-line-strong px-6 py-14 text-center">
      <div class="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-sunken text-muted">
        <Icon name={kind === 'search' ? 'search' : 'pencil'} size={22} />
      </div>
      {kind === 'none' && (
        <>
          <p class="mx-auto max-w-md text-[0.9375rem] font-semibold leading-relaxed text-ink">{t('libraryHighlightsEmpty')}</p>
          <p class="mx-auto mt-1 max-w-md text-sm leading-relaxed text-muted">{t('libraryHighlightsEmptyHint')}</p>
        </>
      )}
      {kind === 'search' && (
        <>
          <p class="mx-auto max-w-md text-[0.9375rem] font-semibold leading-relaxed text-ink">{t('libraryHighlightsNoMatch', model.query.value.trim())}</p>
          <p class="mx-auto mt-1 max-w-md text-sm text-muted">{t('libraryHighlightsNoMatchHint')}</p>
        </>
      )}
      {kind === 'color' && (
        <>
          <p class="mx-auto max-w-md text-[0.9375rem] font-semibold leading-relaxed text-ink">{t('libraryHighlightsNoColor')}</p>
          <button type="button" class="btn btn-quiet mt-5" onClick={() => model.setColor(null)}>
            {t('libraryHighlightsAllColors')}
          </button>
        </>
      )}
    </div>
  );
}
