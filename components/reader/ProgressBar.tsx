/** A thin bar along the toolbar's bottom edge: how far through the article the reader is. */
import type { ReaderModel } from '../../utils/models/reader';
import { t } from '../../utils/i18n';

export function ProgressBar({ model }: { model: ReaderModel }) {
  const percent = Math.round(model.progress.value * 100);
  return (
    <div
      role="progressbar"
      aria-label={t('readingProgress')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      class="reader-progress-track absolute inset-x-0 -bottom-px h-[3px] overflow-hidden"
    >
      {/* scaleX, not width: moving it costs a composite, never a layout. */}
      <div class="reader-progress h-full bg-accent" style={{ transform: `scaleX(${model.progress.value})` }} />
    </div>
  );
}
