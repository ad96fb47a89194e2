/**
 * The popup's text size row. In the reader it steps the reader's px setting
 * (shared with the reader's own control); on a web article it scales the live
 * page's text (%), remembered for the site, with a reset to the site's own size.
 */
import { t } from '../../utils/i18n';
import type { SizeStepper } from '../../utils/models/font-size';
import type { SiteFontModel } from '../../utils/models/site-font';
import { FontSizeControl } from '../FontSizeControl';
import { Glyph } from '../share/Glyph';

export function TextSizeRow({ model, label }: { model: SizeStepper; label: string }) {
  return (
    <div class="flex items-center justify-between gap-3 border-t border-line pt-3">
      <span class="eyebrow" aria-hidden="true">
        {label}
      </span>
      <FontSizeControl model={model} />
    </div>
  );
}

export function SiteTextSizeRow({ model }: { model: SiteFontModel }) {
  return (
    <div class="flex items-center justify-between gap-2 border-t border-line pt-3">
      <span class="eyebrow" aria-hidden="true">
        {t('pageTextSize')}
      </span>
      <div class="flex items-center gap-1">
        <FontSizeControl model={model} compact />
        <button
          type="button"
          class="btn btn-ghost btn-icon"
          aria-label={t('resetTextSize')}
          title={t('resetTextSize')}
          disabled={model.isDefault.value}
          onClick={() => void model.reset()}
        >
          <Glyph name="reset" size={17} />
        </button>
      </div>
    </div>
  );
}
