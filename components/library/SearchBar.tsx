/**
 * A search field over a list: debounced by its model; ArrowDown goes to the
 * first result. The articles' field ("Search saved articles") and the
 * highlights view's share it.
 */
import type { RefObject } from 'preact';
import { t, type MessageKey } from '../../utils/i18n';
import { Icon, Spinner } from '../Icon';

/** What the field needs of a list model (the library's and the highlights view's both have it). */
export interface SearchableList {
  searching: { value: boolean };
  query: { value: string };
  visible: { value: readonly unknown[] };
  setQuery(query: string): void;
  moveFocus(index: number): unknown;
}

export function SearchBar({ model, inputRef, label = 'librarySearch', placeholder = 'librarySearchPlaceholder', describedBy = 'library-keys', keyHint = true, onEscape }: {
  model: SearchableList;
  inputRef: RefObject<HTMLInputElement | null>;
  label?: MessageKey;
  placeholder?: MessageKey;
  describedBy?: string;
  /** Show the "/" key on an empty field. */
  keyHint?: boolean;
  /** Escape in the field, when the field handles it itself; true when it did something. */
  onEscape?: () => boolean;
}) {
  return (
    <div role="search" class="relative">
      <span class="pointer-events-none absolute start-3.5 top-1/2 flex -translate-y-1/2 text-muted">
        {model.searching.value ? <Spinner size={18} /> : <Icon name="search" size={18} />}
      </span>
      <input
        ref={inputRef}
        type="search"
        aria-label={t(label)}
        aria-keyshortcuts="/"
        aria-describedby={describedBy}
        autoComplete="off"
        spellcheck={false}
        placeholder={t(placeholder)}
        value={model.query.value}
        onInput={(e) => model.setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && model.visible.value.length > 0) {
            e.preventDefault();
            model.moveFocus(0);
          } else if (e.key === 'Escape' && onEscape?.()) {
            // Handled here: the page's own Escape clears the article search.
            e.preventDefault();
            e.stopPropagation();
          }
        }}
        class="h-12 w-full rounded-xl border border-line-strong bg-surface ps-11 pe-10 text-[0.9375rem] text-ink shadow-sm placeholder:text-muted focus-visible:border-accent"
      />
      {keyHint && !model.query.value && (
        <kbd aria-hidden="true" class="pointer-events-none absolute end-3.5 top-1/2 -translate-y-1/2 rounded border border-line-strong px-1.5 font-mono text-[0.75rem] text-muted">
          /
        </kbd>
      )}
    </div>
  );
}
