/** The popup's sharing block: one row of services, then Copy link and the system share sheet. */
import { t } from '../../utils/i18n';
import type { PopupModel } from '../../utils/models/popup';
import { ShareLinks } from '../ShareLinks';
import { CopyLinkButton, SystemShareButton } from '../share/CopyLinkButton';

export function ShareSection({ model }: { model: PopupModel }) {
  return (
    <section aria-labelledby="popup-share" class="flex flex-col gap-2.5 border-t border-line pt-3">
      <h3 id="popup-share" class="eyebrow">
        {t('share')}
      </h3>
      <ShareLinks links={model.shares.value} />
      <div class="flex items-center gap-2">
        <CopyLinkButton class="flex-1" copied={model.copied.value} onCopy={() => void model.copyLink()} />
        {model.canNativeShare.value && <SystemShareButton onShare={() => void model.nativeShare()} />}
      </div>
    </section>
  );
}
