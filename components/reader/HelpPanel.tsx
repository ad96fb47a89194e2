/** The "?" panel: every reader shortcut, plus the browser-wide one. */
import { t, type MessageKey } from '../../utils/i18n';
import type { ReaderModel } from '../../utils/models/reader';
import { SHORTCUTS, type ReaderAction } from '../../utils/models/reader-keys';
import { Panel } from './Panel';

const DESCRIPTIONS: Record<ReaderAction, MessageKey> = {
  increase: 'increaseFontSize',
  decrease: 'decreaseFontSize',
  text: 'shortcutTextSettings',
  help: 'shortcutHelp',
  close: 'shortcutClose',
  highlight: 'shortcutHighlight',
};

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span class="flex shrink-0 gap-1">
      {keys.map((k) => (
        <kbd key={k} class="min-w-7 rounded-md border border-line-strong bg-paper px-1.5 py-0.5 text-center font-sans text-xs font-semibold text-ink shadow-[0_1px_0_var(--color-line-strong)]">
          {k}
        </kbd>
      ))}
    </span>
  );
}

export function HelpPanel({ model }: { model: ReaderModel }) {
  return (
    <Panel id="reader-help-panel" title={t('keyboardShortcuts')} triggerId="reader-help-button" onClose={() => (model.panel.value = null)} class="w-[22rem]">
      <dl class="space-y-2 text-sm">
        {SHORTCUTS.map((s) => (
          <div key={s.action} class="flex items-center justify-between gap-4">
            <dt class="text-ink-soft">{t(DESCRIPTIONS[s.action])}</dt>
            <dd>
              <Keys keys={s.keys} />
            </dd>
          </div>
        ))}
        <div class="flex items-center justify-between gap-4">
          <dt class="text-ink-soft">{t('shortcutSelectionTools')}</dt>
          <dd>
            <Keys keys={['Tab']} />
          </dd>
        </div>
        <div class="flex items-center justify-between gap-4 border-t border-line pt-2">
          <dt class="text-ink-soft">{t('shortcutToggleReader')}</dt>
          <dd>
            <Keys keys={['Alt', 'Shift', 'R']} />
          </dd>
        </div>
      </dl>
      <p class="mt-3 text-xs leading-relaxed text-muted">{t('shortcutTabHint')}</p>
    </Panel>
  );
}
