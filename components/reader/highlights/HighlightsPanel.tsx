/**
 * The reader's "Highlights" panel: every highlight of the article in document
 * order with its quote, colour and note; the quote jumps to the passage (and
 * opens its popover there); notes are edited in place; colours change; "Remove
 * highlight" offers Undo. Highlights that could not be placed come last, marked
 * "not found on this page". "Copy highlights as Markdown" copies them all.
 */
import { useState } from 'preact/hooks';
import { t } from '../../../utils/i18n';
import type { ReaderModel } from '../../../utils/models/reader';
import type { ReaderHighlights, ShownHighlight } from '../../../utils/models/reader-highlights';
import { normaliseQuote } from '../../../utils/text-fragment';
import { ErrorMessage } from '../../ErrorMessage';
import { Icon } from '../../Icon';
import { useCopy } from '../../share/use-copy';
import { Panel } from '../Panel';
import { ColorButtons, Swatch } from './ColorButtons';
import { NoteEditor } from './NoteEditor';

export const HIGHLIGHTS_BUTTON_ID = 'reader-highlights-button';

/** Scrolls a highlight to a third of the way down the viewport (under the sticky toolbar) and opens its popover. */
export function jumpTo(highlights: ReaderHighlights, id: string): void {
  const range = highlights.rangeOf(id);
  if (!range) return;
  const rect = range.getBoundingClientRect();
  window.scrollTo({ top: Math.max(0, window.scrollY + rect.top - window.innerHeight / 3), behavior: 'instant' });
  highlights.select(id);
}

function Item({ item, highlights, onJump }: { item: ShownHighlight; highlights: ReaderHighlights; onJump: (id: string) => void }) {
  const [editing, setEditing] = useState(false);
  const { record, placed } = item;
  const quote = normaliseQuote(record.selectors.quote.exact);
  return (
    <li class="hl-item border-t border-line py-3 first:border-t-0 first:pt-1" data-highlight-id={record.id}>
      <div class="flex items-start gap-2.5">
        <Swatch color={record.color} class="mt-1.5 size-3" />
        <div class="min-w-0 flex-1">
          {placed ? (
            <button
              type="button"
              class="hl-quote line-clamp-3 w-full rounded text-start font-serif text-[0.9375rem] leading-snug text-ink hover:underline focus-visible:outline-2 focus-visible:outline-focus"
              aria-label={t('highlightGoTo', quote)}
              onClick={() => onJump(record.id)}
            >
              {quote}
            </button>
          ) : (
            <>
              <p class="hl-quote line-clamp-3 font-serif text-[0.9375rem] leading-snug text-ink-soft">{quote}</p>
              <p class="mt-1 text-xs font-semibold text-muted">
                <Icon name="alert" size={13} class="me-1 inline-block align-[-2px]" />
                {t('highlightNotFound')}
              </p>
            </>
          )}
          {editing ? (
            <div class="mt-2">
              <NoteEditor
                initial={record.note}
                onCancel={() => setEditing(false)}
                onSave={(note) => {
                  void highlights.setNote(record.id, note);
                  setEditing(false);
                }}
              />
            </div>
          ) : (
            record.note && <p class="hl-note mt-1.5 whitespace-pre-wrap text-sm leading-snug text-ink-soft">{record.note}</p>
          )}
          {!editing && (
            <div class="mt-1.5 flex flex-wrap items-center gap-1">
              <ColorButtons size="sm" current={record.color} onPick={(color) => void highlights.setColor(record.id, color)} />
              <button type="button" class="btn btn-ghost min-h-7 px-2 text-xs" onClick={() => setEditing(true)}>
                <Icon name="pencil" size={14} />
                {t('highlightEditNote')}
              </button>
              <button
                type="button"
                class="btn btn-ghost btn-icon ms-auto min-h-7 w-7 text-danger"
                aria-label={t('highlightRemove')}
                title={t('highlightRemove')}
                onClick={() => void highlights.remove(record.id)}
              >
                <Icon name="trash" size={15} />
              </button>
            </div>
          )}
        </div>
      </div>
    </li>
  );
}

export function HighlightsPanel({ model, highlights }: { model: ReaderModel; highlights: ReaderHighlights }) {
  const { copied, failed, copy } = useCopy();
  const placed = highlights.placed.value;
  const orphans = highlights.orphans.value;
  const article = model.article.value;
  const onJump = (id: string) => {
    model.panel.value = null;
    // Focus goes back to the toolbar's button when the popover closes.
    document.getElementById(HIGHLIGHTS_BUTTON_ID)?.focus({ preventScroll: true });
    jumpTo(highlights, id);
  };
  return (
    <Panel id="reader-highlights-panel" title={t('highlightsPanel')} triggerId={HIGHLIGHTS_BUTTON_ID} onClose={() => (model.panel.value = null)} class="w-[24rem]">
      {placed.length + orphans.length === 0 ? (
        <p class="text-sm leading-relaxed text-muted">{t('highlightsEmpty')}</p>
      ) : (
        <>
          <button
            type="button"
            class="btn btn-quiet mb-2 min-h-9 w-full text-sm"
            onClick={() => article && void copy(highlights.markdown({ title: article.title, url: article.url }))}
          >
            <Icon name={copied ? 'check' : 'copy'} size={16} />
            {t('highlightsCopyMarkdown')}
          </button>
          <span role="status" class="sr-only">
            {copied ? t('copied') : ''}
          </span>
          <ErrorMessage message={failed ? t('errorCopy') : null} />
          <ol class="hl-list">
            {placed.map((item) => (
              <Item key={item.record.id} item={item} highlights={highlights} onJump={onJump} />
            ))}
          </ol>
          {orphans.length > 0 && (
            <>
              <h3 class="mt-3 border-t border-line pt-3 text-xs font-bold uppercase tracking-wide text-muted">{t('highlightsNotFoundHeading')}</h3>
              <ol class="hl-list hl-orphans">
                {orphans.map((item) => (
                  <Item key={item.record.id} item={item} highlights={highlights} onJump={onJump} />
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </Panel>
  );
}
