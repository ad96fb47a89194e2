/** The five highlight colours as buttons named by colour; `current` is marked pressed. */
import { t, type MessageKey } from '../../../utils/i18n';
import { swatchOf } from '../../../utils/highlights/paint';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../../utils/highlights/types';

export const COLOR_NAMES: Record<HighlightColor, MessageKey> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
  purple: 'colorPurple',
};

export function Swatch({ color, class: extra = '' }: { color: HighlightColor; class?: string }) {
  return <span aria-hidden="true" class={`hl-swatch inline-block shrink-0 rounded-full ${extra}`} style={{ backgroundColor: swatchOf(color) }} />;
}

export function ColorButtons({ current, onPick, size = 'md' }: { current?: HighlightColor; onPick: (color: HighlightColor) => void; size?: 'sm' | 'md' }) {
  const box = size === 'sm' ? 'size-7' : 'size-9';
  const dot = size === 'sm' ? 'size-4' : 'size-5';
  return (
    <div role="group" aria-label={t('highlightColors')} class="flex items-center gap-0.5">
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          class={`btn btn-ghost ${box} min-h-0 rounded-full p-0`}
          aria-label={t(COLOR_NAMES[color])}
          title={t(COLOR_NAMES[color])}
          aria-pressed={current === undefined ? undefined : current === color}
          data-color={color}
          onClick={() => onPick(color)}
        >
          <Swatch color={color} class={`${dot} ${current === color ? 'ring-2 ring-ink ring-offset-2 ring-offset-surface' : 'ring-1 ring-black/10'}`} />
        </button>
      ))}
    </div>
  );
}
