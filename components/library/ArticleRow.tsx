/**
 * One saved article in the list, at a fixed height (the list is windowed).
 * The title opens the library copy in the reader; everything else is one line
 * each, clamped, so a long title or excerpt never changes the row's height.
 */
import { memo } from '../memo';
import type { ArticleMeta, FetchState } from '../../utils/library/types';
import { formatDate, isoDate } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { LibraryModel } from '../../utils/models/library';
import { Icon } from '../Icon';
import { Marked } from './Marked';
import { RowActions } from './RowActions';
import { TagChips } from './TagChips';
import { Thumbnail } from './Thumbnail';

export const ROW_HEIGHT = 212;

export const readerHref = (id: string) => `/reader.html?article=${encodeURIComponent(id)}`;

/** What the list says about an imported link whose article is not in the library yet. */
export function fetchStateText(state: FetchState): string {
  if (state.status === 'fetching') return t('fetchFetching');
  if (state.status === 'failed') return t('fetchFailed', state.reason ?? '');
  return state.reason ? t('fetchQueuedRetry', state.reason) : t('fetchQueued');
}

/** Memoised: scrolling re-renders only the rows that come into view. */
export const ArticleRow = memo(function ArticleRow({ meta, model, index, total, top, focusable }: {
  meta: ArticleMeta;
  model: LibraryModel;
  index: number;
  total: number;
  top: number;
  focusable: boolean;
}) {
  const titleId = `title-${meta.id}`;
  const terms = model.terms.value;
  const selected = model.selection.value.has(meta.id);
  const unread = meta.readAt === undefined;
  // A damaged record without a saved date reads as 0: no date is better than 1970.
  const saved = meta.savedAt > 0 ? formatDate(meta.savedAt, 'medium') : null;
  const published = formatDate(meta.publishedTime, 'medium');
  const site = meta.siteName || meta.siteKey;
  const progress = meta.progress !== undefined && meta.progress > 0 ? Math.round(meta.progress * 100) : null;
  // An imported link without its article yet opens the page itself; the reader has nothing to show.
  const linkOnly = meta.fetchState !== undefined;

  return (
    <li
      data-row-id={meta.id}
      tabIndex={focusable ? 0 : -1}
      aria-labelledby={titleId}
      aria-posinset={index + 1}
      aria-setsize={total}
      onFocusCapture={() => {
        model.focusedId.value = meta.id;
      }}
      class={`library-row absolute inset-x-0 flex gap-3 border-b border-line px-2 py-4 sm:gap-4 sm:px-3 ${selected ? 'bg-accent-soft/60' : ''}`}
      style={{ top: `${top}px`, height: `${ROW_HEIGHT}px` }}
    >
      <input
        type="checkbox"
        class="mt-1 size-4 shrink-0 cursor-pointer accent-accent"
        aria-label={t('librarySelect')}
        aria-describedby={titleId}
        checked={selected}
        onChange={(e) => model.toggleSelected(meta.id, e.currentTarget.checked)}
      />
      <Thumbnail meta={meta} load={model.leadImage} />
      <div class="flex min-w-0 flex-1 flex-col">
        <p class="eyebrow truncate">
          <Marked text={site} terms={terms} />
          {meta.byline && (
            <span class="font-semibold normal-case tracking-normal">
              {' · '}
              <Marked text={meta.byline} terms={terms} />
            </span>
          )}
        </p>
        <h2 class={`mt-1 line-clamp-2 font-serif text-[1.125rem] leading-snug ${unread ? 'font-bold text-ink' : 'font-semibold text-ink-soft'}`}>
          {unread && <span aria-hidden="true" class="me-1.5 inline-block size-2 -translate-y-0.5 rounded-full bg-accent" />}
          <a
            id={titleId}
            data-open
            href={linkOnly ? meta.url : readerHref(meta.id)}
            {...(linkOnly ? { target: '_blank', rel: 'noopener noreferrer', title: t('fetchOpensOriginal') } : {})}
            tabIndex={-1}
            class="rounded-sm decoration-accent decoration-2 underline-offset-4 hover:underline focus-visible:underline"
          >
            <Marked text={meta.title || meta.url || t('untitled')} terms={terms} />
          </a>
        </h2>
        {meta.fetchState && (
          <p data-fetch-state={meta.fetchState.status} class={`mt-1 flex items-center gap-1.5 truncate text-[0.8125rem] ${meta.fetchState.status === 'failed' ? 'text-danger' : 'text-muted'}`}>
            <Icon name={meta.fetchState.status === 'failed' ? 'alert' : 'download'} size={14} class="shrink-0" />
            <span class="truncate">{fetchStateText(meta.fetchState)}</span>
          </p>
        )}
        {meta.damaged ? (
          <p class="mt-1 flex items-center gap-2 text-[0.875rem] leading-5 text-danger" role="status">
            <Icon name="alert" size={16} />
            <span class="line-clamp-2" title={meta.damaged.join(', ')}>{t('libraryDamaged')}</span>
            <button type="button" class="btn btn-quiet min-h-8 shrink-0 px-2 text-[0.8125rem]" aria-describedby={titleId} onClick={() => void model.repair([meta.id])}>
              {t('libraryRepair')}
            </button>
          </p>
        ) : meta.excerpt && (
          <p class="mt-1 line-clamp-2 text-[0.875rem] leading-5 text-muted">
            <Marked text={meta.excerpt} terms={terms} />
          </p>
        )}
        <p class="mt-auto flex min-w-0 items-center gap-x-2 overflow-hidden whitespace-nowrap pt-1.5 text-[0.8125rem] text-muted">
          {unread ? (
            <span class="font-semibold text-accent">{t('libraryUnread')}</span>
          ) : (
            <span class="inline-flex items-center gap-1">
              <Icon name="check" size={14} />
              {t('libraryFinished')}
            </span>
          )}
          {meta.favoritedAt !== undefined && (
            <span class="text-accent">
              <Icon name="star-filled" size={14} />
              <span class="sr-only">{t('libraryFavouriteBadge')}</span>
            </span>
          )}
          {saved && <Dot />}
          {saved && <time dateTime={isoDate(meta.savedAt)}>{t('savedOn', saved)}</time>}
          {published && (
            <span class="contents max-md:hidden">
              <Dot />
              <time dateTime={isoDate(meta.publishedTime)}>{t('publishedOn', published)}</time>
            </span>
          )}
          {meta.readingTimeMinutes > 0 && <Dot />}
          {meta.readingTimeMinutes > 0 && <span>{t('minutesRead', meta.readingTimeMinutes)}</span>}
          {progress !== null && unread && <Dot />}
          {progress !== null && unread && (
            <span class="inline-flex items-center gap-1.5">
              <span aria-hidden="true" class="h-1 w-10 overflow-hidden rounded-full bg-line">
                <span class="block h-full rounded-full bg-accent" style={{ width: `${progress}%` }} />
              </span>
              {t('libraryProgress', progress)}
            </span>
          )}
        </p>
        <div class="mt-2 flex min-w-0 items-center gap-2">
          <TagChips meta={meta} model={model} titleId={titleId} />
          <RowActions meta={meta} model={model} titleId={titleId} />
        </div>
      </div>
    </li>
  );
});

function Dot() {
  return (
    <span aria-hidden="true" class="text-line-strong">
      ·
    </span>
  );
}
