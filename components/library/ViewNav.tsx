/** Saved · Unread · Favourites · Archived · All, each with its count; then Highlights and Site fixes (views of their own). */
import { t, type MessageKey } from '../../utils/i18n';
import type { LibraryModel } from '../../utils/models/library';
import type { HighlightsModel } from '../../utils/models/library-highlights';
import type { SiteFixesModel } from '../../utils/models/site-fixes';
import { VIEWS, type LibraryView } from '../../utils/models/library-view';
import { Icon, type IconName } from '../Icon';

const VIEW: Record<LibraryView, { label: MessageKey; icon: IconName }> = {
  saved: { label: 'libraryViewSaved', icon: 'bookmark' },
  unread: { label: 'libraryViewUnread', icon: 'circle' },
  favourites: { label: 'libraryViewFavourites', icon: 'star' },
  archived: { label: 'libraryViewArchived', icon: 'archive' },
  all: { label: 'libraryViewAll', icon: 'library' },
};

export function ViewNav({ model, highlights, fixes }: { model: LibraryModel; highlights: HighlightsModel; fixes: SiteFixesModel }) {
  const inHighlights = highlights.open.value;
  const inFixes = fixes.open.value;
  const current = inHighlights || inFixes ? null : model.view.value;
  const counts = model.counts.value;
  const complete = model.complete.value;
  return (
    <nav aria-label={t('libraryViews')}>
      <ul class="flex gap-1 overflow-x-auto pb-1 lg:flex-col lg:overflow-visible lg:pb-0">
        {VIEWS.map((v) => {
          const active = v === current;
          return (
            <li key={v} class="shrink-0">
              <button
                type="button"
                aria-pressed={active ? 'true' : 'false'}
                aria-describedby={complete ? `view-count-${v}` : undefined}
                onClick={() => {
                  highlights.show(false);
                  fixes.show(false);
                  model.setView(v);
                }}
                class={`flex h-10 w-full items-center gap-2.5 rounded-lg px-3 text-sm font-semibold transition-colors ${
                  active ? 'bg-accent-soft text-accent' : 'text-ink-soft hover:bg-sunken'
                }`}
              >
                <Icon name={VIEW[v].icon} size={17} />
                <span class="flex-1 text-start">{t(VIEW[v].label)}</span>
                {/* The count is the button's description, not part of its name ("Archived", described "12"). */}
                {complete && (
                  <span id={`view-count-${v}`} aria-hidden="true" class="text-[0.75rem] font-medium tabular-nums text-muted">
                    {counts[v].toLocaleString()}
                  </span>
                )}
              </button>
            </li>
          );
        })}
        <li class="shrink-0 lg:mt-2 lg:border-t lg:border-line lg:pt-2">
          <button
            type="button"
            aria-pressed={inHighlights ? 'true' : 'false'}
            onClick={() => {
              fixes.show(false);
              highlights.show(true);
            }}
            class={`flex h-10 w-full items-center gap-2.5 rounded-lg px-3 text-sm font-semibold transition-colors ${
              inHighlights ? 'bg-accent-soft text-accent' : 'text-ink-soft hover:bg-sunken'
            }`}
          >
            <Icon name="pencil" size={17} />
            <span class="flex-1 text-start">{t('libraryViewHighlights')}</span>
          </button>
        </li>
        <li class="shrink-0">
          <button
            type="button"
            aria-pressed={inFixes ? 'true' : 'false'}
            onClick={() => {
              highlights.show(false);
              fixes.show(true);
            }}
            class={`flex h-10 w-full items-center gap-2.5 rounded-lg px-3 text-sm font-semibold transition-colors ${
              inFixes ? 'bg-accent-soft text-accent' : 'text-ink-soft hover:bg-sunken'
            }`}
          >
            <Icon name="target" size={17} />
            <span class="flex-1 text-start">{t('libraryViewFixes')}</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}
