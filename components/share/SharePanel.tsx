/**
 * Every way to share one article or quote: the services, Copy link (with the
 * text-fragment link for a quote) and the system share sheet where it exists.
 * Used by the share window and the reader's "Share quote".
 */
import { t } from '../../utils/i18n';
import { shareData, shareLinks, shareUrl, type ShareTarget } from '../../utils/share';
import { ShareLinks } from '../ShareLinks';
import { CopyLinkButton, SystemShareButton } from './CopyLinkButton';
import { useCopy } from './use-copy';
import { ErrorMessage } from '../ErrorMessage';

export function SharePanel({ target }: { target: ShareTarget }) {
  const { copied, failed, copy } = useCopy();
  const url = shareUrl(target);
  const data = shareData(target);
  const canShare = typeof navigator.share === 'function' && data !== null;
  if (!url) return <p class="text-sm text-muted">{t('shareNothing')}</p>;
  return (
    <div class="flex flex-col gap-3">
      <ShareLinks links={shareLinks(target)} variant="list" />
      <div class="flex items-center gap-2">
        <CopyLinkButton class="flex-1" copied={copied} onCopy={() => void copy(url)} />
        {canShare && <SystemShareButton onShare={() => void navigator.share(data).catch(() => undefined)} />}
      </div>
      <ErrorMessage message={failed ? t('errorCopy') : null} />
    </div>
  );
}
