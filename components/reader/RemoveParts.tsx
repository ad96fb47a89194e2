/**
 * The "Remove parts" bar: what the mode does, how many parts are out, Undo and
 * Done. It runs the mode on the article body (remove-parts.ts) while it is
 * shown, and on Done turns what was removed into the stored article's new HTML
 * and the steps the site's rule may keep (utils/site-rules/blocks.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { blockText, countWords } from '../../utils/article/text';
import { readingTimeMinutes } from '../../utils/article/types';
import { READER_BODY_SELECTOR } from '../../utils/highlights/text-model';
import { t } from '../../utils/i18n';
import type { ReaderModel } from '../../utils/models/reader';
import type { ReaderFix } from '../../utils/models/reader-fix';
import { editArticleHtml } from '../../utils/sanitize';
import { removeByRefs, ruleSteps } from '../../utils/site-rules/blocks';
import { Icon, Spinner } from '../Icon';
import { startRemoving, type RemoveSession } from './remove-parts';

export const REMOVE_PARTS_BUTTON_ID = 'reader-remove-parts-button';
export const REMOVE_PARTS_DONE_ID = 'reader-remove-parts-done';
const HINT_ID = 'reader-remove-parts-hint';
const PART_HINT_ID = 'reader-remove-part-hint';

export function RemovePartsBar({ model, fix }: { model: ReaderModel; fix: ReaderFix }) {
  const [count, setCount] = useState(0);
  const session = useRef<RemoveSession | null>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const busy = fix.busy.value === 'remove';

  useEffect(() => {
    const body = document.querySelector<HTMLElement>(READER_BODY_SELECTOR);
    if (!body) return;
    session.current = startRemoving(body, { onChange: setCount, describedBy: PART_HINT_ID, afterLast: () => doneRef.current?.focus() });
    doneRef.current?.focus();
    return () => {
      session.current?.stop();
      session.current = null;
      // Back to the button that started the mode.
      document.getElementById(REMOVE_PARTS_BUTTON_ID)?.focus();
    };
  }, []);

  const done = async () => {
    const s = session.current;
    const article = model.article.value;
    if (!s || !article) return;
    const removed = s.removed();
    if (removed.length === 0) {
      await fix.finishRemoving(null);
      return;
    }
    const refs = removed.map((el) => s.refs.get(el)!);
    const edited = editArticleHtml(article.content, (raw) => removeByRefs(raw, refs));
    if (!edited) {
      fix.removeFailed();
      return;
    }
    const textContent = blockText(edited.body);
    const wordCount = countWords(textContent);
    const { steps, pageOnly } = ruleSteps(removed, s.refs.keys());
    await fix.finishRemoving({ content: edited.html, textContent, wordCount, readingTimeMinutes: readingTimeMinutes(wordCount), steps, pageOnly });
  };

  // Escape leaves the mode like Done (before the reader's own Escape, which closes panels).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      void done();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  });

  return (
    <div class="pointer-events-none fixed inset-x-0 bottom-0 z-30 flex justify-center p-4 sm:p-6">
      <div
        role="group"
        aria-labelledby="reader-remove-parts-title"
        aria-describedby={HINT_ID}
        class="pointer-events-auto flex w-full max-w-2xl flex-wrap items-center gap-x-4 gap-y-2 rounded-2xl border border-line-strong bg-surface px-4 py-3 text-ink shadow-xl shadow-black/15"
      >
        <Icon name="scissors" size={20} class="shrink-0 text-accent" />
        <div class="min-w-0 flex-1">
          <p id="reader-remove-parts-title" class="text-sm font-bold">{t('removeParts')}</p>
          <p id={HINT_ID} class="text-[0.8125rem] leading-snug text-muted">{t('removePartsHint')}</p>
        </div>
        <p class="text-[0.8125rem] font-semibold tabular-nums text-ink-soft" role="status" aria-live="polite">
          {count > 0 ? t('removePartsCount', count) : t('removePartsNone')}
        </p>
        <div class="flex items-center gap-2">
          <button type="button" class="btn btn-quiet min-h-9 px-3" disabled={count === 0 || busy} onClick={() => session.current?.undo()}>
            {t('undo')}
          </button>
          <button ref={doneRef} id={REMOVE_PARTS_DONE_ID} type="button" class="btn btn-primary min-h-9 px-4" aria-busy={busy ? 'true' : undefined} onClick={() => void done()}>
            {busy && <Spinner />}
            {t('removePartsDone')}
          </button>
        </div>
        {/* What a focused part says besides its own text (aria-describedby on each part). */}
        <p id={PART_HINT_ID} hidden>
          {t('removePartsPart')}
        </p>
      </div>
    </div>
  );
}
