/**
 * A highlight's note: a small text field saved on "Save note" (or Ctrl/⌘+Enter);
 * Escape or "Cancel" leaves the note as it was.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../utils/i18n';

export function NoteEditor({ initial, onSave, onCancel }: { initial: string; onSave: (note: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(initial);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = field.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  return (
    <form
      data-keeps-escape
      class="flex w-72 max-w-full flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(text);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // The popover and the page must not also act on this Escape.
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onSave(text);
        }
      }}
    >
      <label class="text-xs font-semibold text-muted" for="hl-note-field">
        {t('highlightNote')}
      </label>
      <textarea
        id="hl-note-field"
        ref={field}
        rows={3}
        maxLength={10_000}
        class="w-full resize-y rounded-lg border border-line-strong bg-paper px-2.5 py-2 text-sm leading-snug text-ink focus-visible:outline-2 focus-visible:outline-focus"
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <div class="flex justify-end gap-2">
        <button type="button" class="btn btn-quiet min-h-9 px-3 text-sm" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" class="btn btn-primary min-h-9 px-3 text-sm">
          {t('highlightSaveNote')}
        </button>
      </div>
    </form>
  );
}
