/** Every tag with its count: show it, rename it everywhere, or take it off every article. */
import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { LibraryModel } from '../../utils/models/library';
import { Icon } from '../Icon';
import { TagInput } from './TagInput';

/** `idPrefix` keeps ids unique: the page renders it twice (side column, and folded for narrow screens). */
export function TagsManager({ model, idPrefix }: { model: LibraryModel; idPrefix: string }) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const tags = model.tags.value;
  const active = model.tag.value;
  return (
    <section aria-labelledby={`${idPrefix}-tags-heading`}>
      <h2 id={`${idPrefix}-tags-heading`} class="eyebrow mb-2 px-3">
        {t('libraryTags')}
      </h2>
      {tags.length === 0 ? (
        <p class="px-3 text-[0.8125rem] leading-relaxed text-muted">{t('libraryNoTags')}</p>
      ) : (
        <ul class="space-y-0.5">
          {tags.map((f, i) => {
            const labelId = `${idPrefix}-tag-${i}`;
            if (renaming === f.key) {
              return (
                <li key={f.key} class="px-1 py-1">
                  <TagInput
                    label={t('libraryRenameTagLabel', f.key)}
                    submitLabel={t('librarySave')}
                    initial={f.key}
                    suggestions={[]}
                    onSubmit={(value) => model.renameTag(f.key, value)}
                    onCancel={() => setRenaming(null)}
                  />
                </li>
              );
            }
            return (
              <li key={f.key} class="group flex items-center gap-0.5">
                <button
                  type="button"
                  aria-pressed={active === f.key ? 'true' : 'false'}
                  aria-describedby={`${labelId}-count`}
                  onClick={() => model.setTag(active === f.key ? null : f.key)}
                  class={`flex h-9 min-w-0 flex-1 items-center gap-2 rounded-lg px-3 text-[0.8125rem] font-medium ${
                    active === f.key ? 'bg-accent-soft text-accent' : 'text-ink-soft hover:bg-sunken'
                  }`}
                >
                  <Icon name="tag" size={15} class="shrink-0" />
                  <span id={labelId} class="flex-1 truncate text-start">
                    {f.label}
                  </span>
                  <span id={`${labelId}-count`} aria-hidden="true" class="text-[0.75rem] tabular-nums text-muted">
                    {f.count.toLocaleString()}
                  </span>
                </button>
                <button
                  type="button"
                  class="btn btn-ghost btn-icon size-8 min-h-8 text-muted"
                  aria-label={t('libraryRenameTag')}
                  aria-describedby={labelId}
                  title={t('libraryRenameTag')}
                  onClick={() => setRenaming(f.key)}
                >
                  <Icon name="pencil" size={15} />
                </button>
                <button
                  type="button"
                  class="btn btn-ghost btn-icon size-8 min-h-8 text-muted hover:text-danger"
                  aria-label={t('libraryDeleteTag')}
                  aria-describedby={labelId}
                  title={t('libraryDeleteTag')}
                  onClick={() => void model.deleteTag(f.key)}
                >
                  <Icon name="trash" size={15} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
