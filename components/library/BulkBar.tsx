/** What to do with the selected (shown) articles. Sticks to the top while the list scrolls. */
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { LibraryModel } from '../../utils/models/library';
import { Icon } from '../Icon';
import { TagInput } from './TagInput';

export function BulkBar({ model }: { model: LibraryModel }) {
  const [tagging, setTagging] = useState(false);
  const ids = model.selectedShown.value;
  if (ids.length === 0) return null;
  const archivedView = model.view.value === 'archived';
  return (
    <div
      role="region"
      aria-label={t('libraryBulkActions')}
      class="sticky top-0 z-10 -mx-2 mb-2 flex min-h-14 flex-wrap items-center gap-2 rounded-xl border border-line-strong bg-surface/95 px-3 py-2 shadow-md backdrop-blur sm:-mx-3"
    >
      <p class="me-2 text-sm font-bold tabular-nums text-ink">{t('librarySelectedCount', ids.length.toLocaleString())}</p>
      {tagging ? (
        <TagInput
          label={t('libraryNewTag')}
          submitLabel={t('libraryTagAdd')}
          suggestions={model.tags.value.map((f) => f.key)}
          onSubmit={(value) => model.addTag(ids, value)}
          onCancel={() => setTagging(false)}
        />
      ) : (
        <>
          <button type="button" class="btn btn-quiet min-h-9 px-3" onClick={() => void model.setRead(ids, true)}>
            <Icon name="check-circle" size={16} />
            {t('libraryMarkRead')}
          </button>
          <button type="button" class="btn btn-quiet min-h-9 px-3" onClick={() => void model.setArchived(ids, !archivedView)}>
            <Icon name={archivedView ? 'unarchive' : 'archive'} size={16} />
            {archivedView ? t('libraryUnarchive') : t('libraryArchive')}
          </button>
          <button type="button" class="btn btn-quiet min-h-9 px-3" onClick={() => setTagging(true)}>
            <Icon name="tag" size={16} />
            {t('libraryAddTag')}
          </button>
          <button type="button" class="btn btn-quiet min-h-9 px-3 text-danger" onClick={() => model.remove(ids)}>
            <Icon name="trash" size={16} />
            {t('libraryDelete')}
          </button>
        </>
      )}
      <button type="button" class="btn btn-ghost ms-auto min-h-9 px-3" onClick={() => model.clearSelection()}>
        {t('libraryClearSelection')}
      </button>
    </div>
  );
}
