/**
 * One article's actions. Each button is named for what it does; the
 * article's title is its description, so "Archive, Monsoon in Kuala Lumpur".
 */
import type { ArticleMeta } from '../../utils/library/types';
import { t } from '../../utils/i18n';
import type { LibraryModel } from '../../utils/models/library';
import { Icon, type IconName } from '../Icon';

function Action({ label, icon, titleId, onClick, pressed, danger }: {
  label: string;
  icon: IconName;
  titleId: string;
  onClick: () => void;
  pressed?: boolean;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      class={`btn btn-ghost btn-icon size-9 min-h-9 ${pressed ? 'text-accent' : 'text-muted'} ${danger ? 'hover:text-danger' : ''}`}
      aria-label={label}
      aria-describedby={titleId}
      aria-pressed={pressed === undefined ? undefined : pressed ? 'true' : 'false'}
      title={label}
      onClick={onClick}
    >
      <Icon name={icon} size={18} />
    </button>
  );
}

export function RowActions({ meta, model, titleId }: { meta: ArticleMeta; model: LibraryModel; titleId: string }) {
  const read = meta.readAt !== undefined;
  const archived = meta.archivedAt !== undefined;
  const favourite = meta.favoritedAt !== undefined;
  return (
    <div class="flex shrink-0 items-center gap-0.5">
      <Action
        label={read ? t('libraryMarkUnread') : t('libraryMarkRead')}
        icon={read ? 'check-circle' : 'circle'}
        titleId={titleId}
        onClick={() => void model.setRead([meta.id], !read)}
      />
      <Action
        label={t('libraryFavourite')}
        icon={favourite ? 'star-filled' : 'star'}
        pressed={favourite}
        titleId={titleId}
        onClick={() => void model.setFavourite(meta.id, !favourite)}
      />
      <Action
        label={archived ? t('libraryUnarchive') : t('libraryArchive')}
        icon={archived ? 'unarchive' : 'archive'}
        titleId={titleId}
        onClick={() => void model.setArchived([meta.id], !archived)}
      />
      <Action label={t('libraryDelete')} icon="trash" danger titleId={titleId} onClick={() => model.remove([meta.id])} />
      <a
        href={meta.url}
        target="_blank"
        rel="noopener noreferrer"
        class="btn btn-ghost min-h-9 gap-1 px-2 text-[0.8125rem] text-muted"
        aria-describedby={titleId}
        title={t('libraryOriginalHint')}
      >
        <span class="max-sm:sr-only">{t('libraryOriginal')}</span>
        <Icon name="external" size={14} />
      </a>
    </div>
  );
}
