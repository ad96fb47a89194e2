/** The "Text and theme" panel: font, line spacing, width and theme, each applied live and synced. */
import type { MessageKey } from '../../utils/i18n';
import { t } from '../../utils/i18n';
import type { ReaderModel } from '../../utils/models/reader';
import type { ContentWidth, FontFamily, LineHeight, Theme } from '../../utils/settings';
import { FontSizeControl } from '../FontSizeControl';
import { ChoiceGroup } from './ChoiceGroup';
import { Panel } from './Panel';

const FONT_LABELS: Record<FontFamily, MessageKey> = {
  serif: 'fontSerif', sans: 'fontSans', legible: 'fontLegible', dyslexic: 'fontDyslexic',
};
const LINE_LABELS: Record<LineHeight, MessageKey> = {
  compact: 'lineCompact', normal: 'lineNormal', relaxed: 'lineRelaxed', loose: 'lineLoose',
};
const WIDTH_LABELS: Record<ContentWidth, MessageKey> = { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' };
const THEME_LABELS: Record<Theme, MessageKey> = { light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark', auto: 'themeAuto' };

/** Three lines whose gap shows the spacing; `gap` in px. */
function LinesIcon({ gap }: { gap: number }) {
  const ys = [4, 4 + gap, 4 + gap * 2];
  return (
    <svg aria-hidden="true" width="22" height="18" viewBox="0 0 22 18" class="mx-auto">
      {ys.map((y) => (
        <rect key={y} x="1" y={y - 1} width="20" height="1.6" rx="0.8" fill="currentColor" />
      ))}
    </svg>
  );
}

/** A bar whose length shows the column width. */
function WidthIcon({ w }: { w: number }) {
  return (
    <svg aria-hidden="true" width="28" height="18" viewBox="0 0 28 18" class="mx-auto">
      {[5, 9, 13].map((y) => (
        <rect key={y} x={14 - w / 2} y={y - 0.8} width={w} height="1.6" rx="0.8" fill="currentColor" />
      ))}
    </svg>
  );
}

export function TypographyPanel({ model }: { model: ReaderModel }) {
  const { fontFamily, lineHeight, contentWidth, theme } = model.typography;
  const close = () => (model.panel.value = null);
  return (
    <Panel id="reader-text-panel" title={t('readerTextSettings')} triggerId="reader-text-button" onClose={close} class="w-[26rem]">
      <div class="space-y-4">
        {/* On small screens the toolbar has no room for the size control: it lives here instead. */}
        <div class="sm:hidden">
          <FontSizeControl model={model.fontSize} compact />
        </div>
        <ChoiceGroup
          name="font"
          legend={t('readerFont')}
          columns={4}
          value={fontFamily.value.value}
          onChange={(v) => void fontFamily.set(v)}
          options={fontFamily.choices.map((v) => ({
            value: v,
            label: t(FONT_LABELS[v]),
            data: { 'data-font': v },
            preview: <span aria-hidden="true" class="reader-choice-sample">Aa</span>,
          }))}
        />
        <ChoiceGroup
          name="leading"
          legend={t('readerLineSpacing')}
          columns={4}
          value={lineHeight.value.value}
          onChange={(v) => void lineHeight.set(v)}
          options={lineHeight.choices.map((v, i) => ({ value: v, label: t(LINE_LABELS[v]), preview: <LinesIcon gap={3.5 + i * 1.2} /> }))}
        />
        <ChoiceGroup
          name="width"
          legend={t('readerWidth')}
          columns={3}
          value={contentWidth.value.value}
          onChange={(v) => void contentWidth.set(v)}
          options={contentWidth.choices.map((v, i) => ({ value: v, label: t(WIDTH_LABELS[v]), preview: <WidthIcon w={12 + i * 7} /> }))}
        />
        <ChoiceGroup
          name="theme"
          legend={t('readerTheme')}
          columns={4}
          value={theme.value.value}
          onChange={(v) => void theme.set(v)}
          options={theme.choices.map((v) => ({
            value: v,
            label: t(THEME_LABELS[v]),
            // "Auto" is half light, half dark: no sample text, which could not contrast with both halves.
            preview: <span aria-hidden="true" class="reader-swatch" data-swatch={v}>{v === 'auto' ? '' : 'Aa'}</span>,
          }))}
        />
      </div>
    </Panel>
  );
}
