/** The background download of imported links: "Downloading 12 of 300", Pause / Resume, Stop. */
import { t } from '../../utils/i18n';
import type { FetchProgressModel } from '../../utils/models/fetch-progress';
import { Icon } from '../Icon';

export function DownloadProgress({ model }: { model: FetchProgressModel }) {
  const p = model.progress.value;
  if (!p) return null;
  const paused = model.paused.value;
  const waiting = p.waiting > 0;
  const label = t(paused ? 'downloadsPausedProgress' : 'downloadsProgress', p.done.toLocaleString(), p.total.toLocaleString());
  return (
    <section aria-label={label} class="mt-4 rounded-xl border border-line-strong bg-surface px-3.5 py-3">
      <div class="flex flex-wrap items-center gap-x-3 gap-y-2">
        <p role="status" class="me-auto text-sm font-semibold text-ink-soft" data-download-progress>{label}</p>
        {waiting && (
          <button type="button" class="btn btn-quiet min-h-9 px-3" onClick={() => void model.control(paused ? 'resume' : 'pause')}>
            <Icon name={paused ? 'play' : 'pause'} size={16} />
            {t(paused ? 'downloadsResume' : 'downloadsPause')}
          </button>
        )}
        {waiting && (
          <button type="button" class="btn btn-quiet min-h-9 px-3" onClick={() => void model.control('cancel')}>
            <Icon name="close" size={16} />
            {t('downloadsCancel')}
          </button>
        )}
      </div>
      <progress class="mt-2 h-1.5 w-full accent-accent" max={Math.max(1, p.total)} value={p.done} aria-hidden="true" />
      {p.failed > 0 && <p class="mt-1.5 text-[0.8125rem] text-muted">{t('downloadsFailedCount', p.failed.toLocaleString())}</p>}
    </section>
  );
}
