/** A row's tags: each a chip that filters by it, with a remove button; and "Add tag". */
import { useState } from 'preact/hooks';
import type { ArticleMeta } from '../../utils/library/types';
import { t } from '../../utils/i18n';
import type { LibraryModel } from '../../utils/models/library';
import { Icon } from '../Icon';
import { TagInput } from './TagInput';

export function TagChips({ meta, model, titleId }: { meta: ArticleMeta; model: LibraryModel; titleId: string }) {
  const [adding, setAdding] = useState(false);
  const suggestions = model.tags.value.map((f) => f.key).filter((k) => !meta.tags.includes(k));
  if (adding) {
    return (
      <TagInput
        label={t('libraryNewTag')}
        submitLabel={t('libraryTagAdd')}
        suggestions={suggestions}
        onSubmit={(value) => model.addTag([meta.id], value)}
        onCancel={() => setAdding(false)}
      />
    );
  }
  return (
    <div class="flex min-w-0 flex-1 items-center gap-1.5">
      {meta.tags.length > 0 && (
        <ul class="flex min-w-0 items-center gap-1.5 overflow-hidden" aria-label={t('libraryTags')}>
          {meta.tags.map((tag) => (
            <li key={tag} class="flex h-7 shrink-0 items-center rounded-full border border-line bg-sunken text-[0.75rem] text-ink-soft">
              <button
                type="button"
                class="h-full max-w-[9rem] truncate rounded-s-full ps-2.5 pe-1 hover:text-accent"
                aria-label={t('libraryShowTag', tag)}
                onClick={() => model.setTag(tag)}
              >
                {tag}
              </button>
              <button
                type="button"
                class="flex h-full items-center rounded-e-full pe-2 ps-0.5 text-muted hover:text-danger"
                aria-label={t('libraryRemoveTag', tag)}
                aria-describedby={titleId}
                title={t('libraryRemoveTag', tag)}
                onClick={() => void model.removeTag([meta.id], tag)}
              >
                <Icon name="close" size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* Outside the clipped list: always reachable, however many tags there are. */}
      <button
        type="button"
        class="btn btn-ghost min-h-7 shrink-0 gap-1 rounded-full px-2 text-[0.75rem] font-semibold text-muted"
        aria-label={t('libraryAddTag')}
        aria-describedby={titleId}
        title={t('libraryAddTag')}
        onClick={() => setAdding(true)}
      >
        <Icon name="plus" size={14} />
        <span class="max-sm:hidden">{t('libraryAddTag')}</span>
      </button>
    </div>
  );
}
