/**
 * "Copy link" with a visible, announced "Copied". The button keeps its name (a
 * label that changed under the pointer would confuse voice control); the
 * confirmation is a polite live region beside it.
 */
import { t } from '../../utils/i18n';
import { Glyph } from './Glyph';

export function CopyLinkButton({ copied, onCopy, class: className = '' }: { copied: boolean; onCopy: () => void; class?: string }) {
  return (
    <div class={`flex items-center gap-2 ${className}`}>
      <button type="button" class="btn btn-quiet min-h-10 flex-1" onClick={onCopy}>
        <Glyph name={copied ? 'check' : 'link'} size={18} />
        {t('copyLink')}
      </button>
      <span role="status" aria-live="polite" class="min-w-[4.5rem] text-sm font-semibold text-accent">
        {copied ? t('copied') : ''}
      </span>
    </div>
  );
}

/** "Share…": the system share sheet. Render only where navigator.share exists. */
export function SystemShareButton({ onShare }: { onShare: () => void }) {
  return (
    <button type="button" class="btn btn-quiet min-h-10" onClick={onShare}>
      <Glyph name="share" size={18} />
      {t('shareSystem')}
    </button>
  );
}
