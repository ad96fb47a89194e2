/**
 * Smaller / larger text, with the current size between the buttons. Drives the
 * reader's px setting or a live page's % scale (SizeStepper): the accessible
 * names stay "Decrease font size" / "Increase font size" either way.
 */
import { t } from '../utils/i18n';
import type { SizeStepper } from '../utils/models/font-size';

export function FontSizeControl({ model, compact = false }: { model: SizeStepper; compact?: boolean }) {
  return (
    <div role="group" aria-label={t('fontSize')} class="inline-flex items-center gap-1">
      <button
        type="button"
        class="btn btn-ghost btn-icon"
        aria-label={t('decreaseFontSize')}
        title={t('decreaseFontSize')}
        disabled={!model.canDecrease.value}
        onClick={() => void model.decrease()}
      >
        <span aria-hidden="true" class="font-serif text-[13px] font-semibold leading-none">A</span>
      </button>
      {/* <output> is a status region: screen readers hear the new size after each step. */}
      <output
        aria-live="polite"
        class={`text-center text-sm font-medium tabular-nums text-ink-soft ${compact ? 'min-w-[3.25rem]' : 'min-w-[3.75rem]'}`}
      >
        {model.label.value}
      </output>
      <button
        type="button"
        class="btn btn-ghost btn-icon"
        aria-label={t('increaseFontSize')}
        title={t('increaseFontSize')}
        disabled={!model.canIncrease.value}
        onClick={() => void model.increase()}
      >
        <span aria-hidden="true" class="font-serif text-[21px] font-semibold leading-none">A</span>
      </button>
    </div>
  );
}
