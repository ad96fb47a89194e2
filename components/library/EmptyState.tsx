/** What an empty list means, and what to do about it. */
import { t } from '../../utils/i18n';
import type { EmptyKind } from '../../utils/models/library';
import { Icon } from '../Icon';

export function EmptyState({ kind, query, onClearFilters }: { kind: Exclude<EmptyKind, null>; query: string; onClearFilters: () => void }) {
  return (
    <div class="animate-rise rounded-2xl border border-dashed border-line-strong px-6 py-14 text-center">
      <div class="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-sunken text-muted">
        <Icon name={kind === 'search' ? 'search' : kind === 'view' ? 'archive' : 'bookmark'} size={22} />
      </div>
      {kind === 'library' && <p class="mx-auto max-w-md text-[0.9375rem] leading-relaxed text-muted">{t('libraryEmpty')}</p>}
      {kind === 'search' && (
        <>
          <p class="mx-auto max-w-md text-[0.9375rem] font-semibold leading-relaxed text-ink">{t('libraryNoMatch', query.trim())}</p>
          <p class="mx-auto mt-1 max-w-md text-sm text-muted">{t('libraryNoMatchHint')}</p>
        </>
      )}
      {kind === 'view' && (
        <>
          <p class="mx-auto max-w-md text-[0.9375rem] font-semibold leading-relaxed text-ink">{t('libraryEmptyView')}</p>
          <p class="mx-auto mt-1 max-w-md text-sm text-muted">{t('libraryEmptyViewHint')}</p>
          <button type="button" class="btn btn-quiet mt-5" onClick={onClearFilters}>
            {t('libraryClearFilters')}
          </button>
        </>
      )}
    </div>
  );
}
