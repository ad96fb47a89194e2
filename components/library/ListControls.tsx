/** Above the list: select all (shown), how many are shown, and the Sort, Tag and Site selects. */
import { useEffect, useRef } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import type { LibraryModel } from '../../utils/models/library';
import { SORTS, type LibrarySort } from '../../utils/models/library-view';

const SORT_LABEL: Record<LibrarySort, MessageKey> = {
  relevance: 'sortRelevance',
  newest: 'sortNewest',
  oldest: 'sortOldest',
  title: 'sortTitle',
  site: 'sortSite',
  longest: 'sortLongest',
  shortest: 'sortShortest',
};

export function countText(n: number): string {
  return n === 1 ? t('libraryCountOne') : t('libraryCountMany', n.toLocaleString());
}

const selectClass =
  'h-9 max-w-[11rem] rounded-lg border border-line-strong bg-surface ps-2.5 pe-7 text-[0.8125rem] text-ink focus-visible:border-accent';

function Select({ id, label, value, onChange, children }: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: preact.ComponentChildren;
}) {
  return (
    <div class="flex items-center gap-1.5">
      <label for={id} class="text-[0.8125rem] font-medium text-muted">
        {label}
      </label>
      <select id={id} name={id} class={selectClass} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {children}
      </select>
    </div>
  );
}

export function ListControls({ model }: { model: LibraryModel }) {
  const all = useRef<HTMLInputElement>(null);
  const selected = model.selectedShown.value.length;
  const shown = model.count.value;
  const allSelected = model.allShownSelected.value;
  useEffect(() => {
    if (all.current) all.current.indeterminate = selected > 0 && !allSelected;
  }, [selected, allSelected]);
  const searching = model.searchActive.value;
  const tags = model.tags.value;
  const sites = model.sites.value;

  return (
    <div class="flex flex-wrap items-center gap-x-4 gap-y-3 py-3">
      <label class="flex cursor-pointer items-center gap-2 text-[0.8125rem] font-medium text-ink-soft">
        <input
          ref={all}
          type="checkbox"
          class="size-4 cursor-pointer accent-accent"
          checked={allSelected}
          disabled={shown === 0}
          onChange={(e) => model.selectAllShown(e.currentTarget.checked)}
        />
        {t('librarySelectAll')}
      </label>
      <p class="text-[0.8125rem] font-semibold tabular-nums text-ink" aria-live="polite" aria-atomic="true">
        {model.status.value === 'ready' && (model.complete.value || searching) ? countText(shown) : ''}
      </p>
      <div role="group" aria-label={t('libraryFilters')} class="ms-auto flex flex-wrap items-center gap-x-3 gap-y-2">
        <Select id="library-sort" label={t('librarySort')} value={model.sort.value} onChange={(v) => model.setSort(v as LibrarySort)}>
          {SORTS.filter((s) => s !== 'relevance' || searching).map((s) => (
            <option key={s} value={s}>
              {t(SORT_LABEL[s])}
            </option>
          ))}
        </Select>
        <Select id="library-tag" label={t('libraryTagFilter')} value={model.tag.value ?? ''} onChange={(v) => model.setTag(v || null)}>
          <option value="">{t('libraryAllTags')}</option>
          {tags.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label} ({f.count})
            </option>
          ))}
        </Select>
        <Select id="library-site" label={t('librarySiteFilter')} value={model.site.value ?? ''} onChange={(v) => model.setSite(v || null)}>
          <option value="">{t('libraryAllSites')}</option>
          {sites.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label} ({f.count})
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
