/**
 * A one-field form for a tag name: adding a tag to an article or the
 * selection, or renaming one. Enter submits, Escape cancels (and stays here:
 * it must not also clear the page's search).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { MAX_TAG_LENGTH } from '../../utils/library/tags';

let lists = 0;

export function TagInput({ label, submitLabel, initial = '', suggestions, onSubmit, onCancel, class: className = '' }: {
  label: string;
  submitLabel: string;
  initial?: string;
  suggestions: readonly string[];
  /** True when done (the form closes). */
  onSubmit: (value: string) => Promise<boolean> | boolean;
  onCancel: () => void;
  class?: string;
}) {
  const [value, setValue] = useState(initial);
  const [listId] = useState(() => `tag-suggestions-${++lists}`);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  return (
    <form
      class={`flex min-w-0 items-center gap-1.5 ${className}`}
      onSubmit={(e) => {
        e.preventDefault();
        void Promise.resolve(onSubmit(value)).then((done) => {
          if (done) onCancel();
        });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
        // Arrow keys edit the text here; they must not move the list's focus.
        if (e.key === 'ArrowUp' || e.key === 'ArrowDown') e.stopPropagation();
      }}
    >
      <input
        ref={input}
        type="text"
        aria-label={label}
        placeholder={label}
        list={suggestions.length ? listId : undefined}
        maxLength={MAX_TAG_LENGTH}
        autoComplete="off"
        spellcheck={false}
        value={value}
        onInput={(e) => setValue(e.currentTarget.value)}
        class="h-8 w-36 min-w-0 rounded-md border border-line-strong bg-surface px-2 text-[0.8125rem] text-ink placeholder:text-muted focus-visible:border-accent"
      />
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      <button type="submit" class="btn btn-quiet min-h-8 px-2.5 text-[0.8125rem]">
        {submitLabel}
      </button>
      <button type="button" class="btn btn-ghost min-h-8 px-2 text-[0.8125rem]" onClick={onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}
