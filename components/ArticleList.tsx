/** The library's list: newest first; each title opens the saved copy in the reader, in this tab. */
import type { ArticleSummary } from '../utils/article/types';
import { formatDate, isoDate } from '../utils/format';
import { t } from '../utils/i18n';
import { siteLabel } from '../utils/url';

export function ArticleList({ items, onRemove }: { items: ArticleSummary[]; onRemove: (item: ArticleSummary) => void }) {
  return (
    <ul aria-label={t('libraryResults')} class="divide-y divide-line border-y border-line">
      {items.map((item) => (
        <ArticleListItem key={item.id} item={item} onRemove={onRemove} />
      ))}
    </ul>
  );
}

function ArticleListItem({ item, onRemove }: { item: ArticleSummary; onRemove: (item: ArticleSummary) => void }) {
  const site = item.siteName || siteLabel(item.url);
  const saved = formatDate(item.savedAt, 'medium');
  return (
    <li class="group relative flex gap-4 py-5 sm:gap-6">
      <div class="min-w-0 flex-1">
        {site && <p class="eyebrow mb-1.5 truncate">{site}</p>}
        <h2 class="font-serif text-[1.1875rem] font-semibold leading-snug text-ink">
          <a
            id={`title-${item.id}`}
            href={`/reader.html?article=${encodeURIComponent(item.id)}`}
            class="rounded-sm decoration-accent decoration-2 underline-offset-4 hover:underline"
          >
            {item.title || item.url}
          </a>
        </h2>
        {item.excerpt && <p class="mt-1.5 line-clamp-2 text-[0.9375rem] leading-relaxed text-muted">{item.excerpt}</p>}
        <p class="mt-2.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-[0.8125rem] text-muted">
          {saved && <time dateTime={isoDate(item.savedAt)}>{t('savedOn', saved)}</time>}
          {saved && item.readingTimeMinutes > 0 && (
            <span aria-hidden="true" class="text-line-strong">
              ·
            </span>
          )}
          {item.readingTimeMinutes > 0 && <span>{t('minutesRead', item.readingTimeMinutes)}</span>}
        </p>
      </div>
      <div class="flex shrink-0 items-start">
        {/* Named "Remove" like its visible text; its description (the title) says which article. */}
        <button
          type="button"
          class="btn btn-ghost min-h-9 px-3 text-[0.8125rem] text-muted hover:text-danger"
          aria-describedby={`title-${item.id}`}
          onClick={() => onRemove(item)}
        >
          {t('remove')}
        </button>
      </div>
    </li>
  );
}
