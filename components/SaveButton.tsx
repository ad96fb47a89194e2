/**
 * "Save for later" → "Saved": one toggle button whose pressed state says whether
 * the article is in the library (aria-pressed false → true).
 */
import { t } from '../utils/i18n';
import { Icon, Spinner } from './Icon';

export function SaveButton({ saved, saving, onSave, class: className = '' }: {
  saved: boolean;
  saving: boolean;
  onSave: () => void;
  class?: string;
}) {
  return (
    <button
      type="button"
      class={`btn btn-quiet ${className}`}
      aria-pressed={saved ? 'true' : 'false'}
      aria-busy={saving ? 'true' : undefined}
      onClick={onSave}
    >
      {saving ? <Spinner size={17} /> : <Icon name={saved ? 'bookmark-filled' : 'bookmark'} size={18} />}
      <span>{saved ? t('saved') : saving ? t('saving') : t('saveForLater')}</span>
    </button>
  );
}
