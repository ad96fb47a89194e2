/**
 * The reader's toolbar: the way back, the time left, text size, the text and
 * theme panel, the highlights panel, "Fix this page" and "Remove parts", save,
 * library and the shortcuts panel. It speaks the UI's
 * language and direction even when the article is in another one.
 */
import { t } from '../../utils/i18n';
import type { ReaderModel } from '../../utils/models/reader';
import type { ReaderHighlights } from '../../utils/models/reader-highlights';
import type { ReaderFix } from '../../utils/models/reader-fix';
import { FontSizeControl } from '../FontSizeControl';
import { BrandMark, Icon } from '../Icon';
import { SaveButton } from '../SaveButton';
import { HelpPanel } from './HelpPanel';
import { HIGHLIGHTS_BUTTON_ID, HighlightsPanel } from './highlights/HighlightsPanel';
import { ProgressBar } from './ProgressBar';
import { REMOVE_PARTS_BUTTON_ID, REMOVE_PARTS_DONE_ID } from './RemoveParts';
import { TypographyPanel } from './TypographyPanel';

export function ReaderToolbar({ model, highlights, fix, ui }: { model: ReaderModel; highlights: ReaderHighlights; fix: ReaderFix; ui: { lang: string | undefined; dir: 'ltr' | 'rtl' } }) {
  const status = model.status.value;
  const ready = status.kind === 'ready';
  const panel = model.panel.value;
  const minutes = model.minutesLeft.value;
  const total = model.article.value?.readingTimeMinutes ?? 0;
  const count = highlights.items.value.length;

  return (
    <header
      lang={ui.lang}
      dir={ui.dir}
      aria-label={t('readerToolbar')}
      class="reader-toolbar sticky top-0 z-10 border-b border-line bg-paper/90 backdrop-blur supports-[backdrop-filter]:bg-paper/80"
    >
      <div class="mx-auto flex h-14 max-w-5xl items-center gap-2 px-3 sm:px-5">
        {/* In the error state the page body offers the way back; one "Back to original" is enough. */}
        {model.canGoBack.value && status.kind !== 'error' && (
          <button type="button" class="btn btn-ghost px-3" onClick={() => model.backToOriginal()}>
            <Icon name="arrow-left" size={18} class="rtl:-scale-x-100" />
            <span class="max-sm:sr-only">{t('backToOriginal')}</span>
          </button>
        )}
        <span class="ms-1 flex items-center gap-2 border-s border-line ps-3 max-md:hidden" aria-hidden="true">
          <BrandMark size={20} />
          <span class="font-serif text-[0.95rem] font-bold tracking-tight">{t('popupHeading')}</span>
        </span>
        {ready && total > 0 && (
          <span class="ms-2 whitespace-nowrap text-[0.8125rem] tabular-nums text-muted max-sm:hidden">
            {minutes > 0 ? t('minutesLeft', minutes) : t('readerFinished')}
          </span>
        )}
        <div class="ms-auto flex items-center gap-1 sm:gap-1.5">
          {ready && (
            <>
              <div class="max-sm:hidden">
                <FontSizeControl model={model.fontSize} compact />
              </div>
              <div class="relative">
                <button
                  id="reader-text-button"
                  type="button"
                  class="btn btn-ghost btn-icon"
                  aria-label={t('readerTextSettings')}
                  title={`${t('readerTextSettings')} (A)`}
                  aria-haspopup="dialog"
                  aria-expanded={panel === 'text'}
                  aria-controls={panel === 'text' ? 'reader-text-panel' : undefined}
                  onClick={() => model.togglePanel('text')}
                >
                  <span aria-hidden="true" class="font-serif text-[17px] font-bold leading-none tracking-tight">
                    A<span class="text-[12px]">a</span>
                  </span>
                </button>
                {panel === 'text' && <TypographyPanel model={model} />}
              </div>
              <div class="relative">
                <button
                  id={HIGHLIGHTS_BUTTON_ID}
                  type="button"
                  class="btn btn-ghost btn-icon"
                  aria-label={t('highlightsPanel')}
                  title={t('highlightsPanel')}
                  aria-haspopup="dialog"
                  aria-expanded={panel === 'highlights'}
                  aria-controls={panel === 'highlights' ? 'reader-highlights-panel' : undefined}
                  onClick={() => model.togglePanel('highlights')}
                >
                  <Icon name="highlighter" size={19} />
                </button>
                {/* Beside the button, not in it: the button's name stays "Highlights" in every browser's accessibility tree. */}
                {count > 0 && (
                  <span aria-hidden="true" class="pointer-events-none absolute -end-0.5 -top-0.5 min-w-4 rounded-full bg-accent px-1 text-center text-[10px] font-bold leading-4 text-on-accent tabular-nums">
                    {count}
                  </span>
                )}
                {panel === 'highlights' && <HighlightsPanel model={model} highlights={highlights} />}
              </div>
              <div class="flex items-center border-s border-line ps-1 sm:ps-1.5">
                {fix.canPick.value && (
                  <button
                    type="button"
                    class="btn btn-ghost btn-icon"
                    aria-label={t('fixThisPage')}
                    title={t('fixThisPageTitle')}
                    aria-busy={fix.busy.value === 'pick' ? 'true' : undefined}
                    onClick={() => void fix.pick()}
                  >
                    <Icon name="target" size={19} />
                  </button>
                )}
                <button
                  id={REMOVE_PARTS_BUTTON_ID}
                  type="button"
                  class="btn btn-ghost btn-icon"
                  aria-label={t('removeParts')}
                  title={t('removeParts')}
                  aria-pressed={fix.removing.value ? 'true' : 'false'}
                  // Pressed again, it is the mode's Done (the bar holds what was removed).
                  onClick={() => (fix.removing.value ? document.getElementById(REMOVE_PARTS_DONE_ID)?.click() : fix.startRemoving())}
                >
                  <Icon name="scissors" size={19} />
                </button>
              </div>
              <SaveButton
                class="min-h-9"
                saved={model.savedId.value !== null}
                saving={model.saving.value}
                onSave={() => void model.save()}
              />
            </>
          )}
          <a href="/library.html" class="btn btn-ghost min-h-9 px-3">
            <Icon name="library" size={18} />
            <span class="max-md:sr-only">{t('openLibrary')}</span>
          </a>
          <div class="relative">
            <button
              id="reader-help-button"
              type="button"
              class="btn btn-ghost btn-icon"
              aria-label={t('keyboardShortcuts')}
              title={`${t('keyboardShortcuts')} (?)`}
              aria-haspopup="dialog"
              aria-expanded={panel === 'help'}
              aria-controls={panel === 'help' ? 'reader-help-panel' : undefined}
              onClick={() => model.togglePanel('help')}
            >
              <span aria-hidden="true" class="text-base font-bold leading-none">?</span>
            </button>
            {panel === 'help' && <HelpPanel model={model} />}
          </div>
        </div>
      </div>
      {ready && <ProgressBar model={model} />}
    </header>
  );
}
