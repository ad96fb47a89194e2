/** The search field: named "Search saved articles", debounced by the model; ArrowDown goes to the first result. */
import type { RefObject } from 'preact';
import { t } from '../../utils/i18n';
import type { LibraryModel } from '../../utils/models/library';
import { Icon, Spinner } from '../Icon';

export function SearchBar({ model, inputRef }: { model: LibraryModel; inputRef: RefObject<HTMLInputElement | null> }) {
  return (
    <div role="search" class="relative">
      <span class="pointer-events-none absolute start-3.5 top-1/2 flex -translate-y-1/2 text-muted">
        {model.searching.value ? <Spinner size={18} /> : <Icon name="search" size={18} />}
      </span>
      <input
        ref={inputRef}
        type="search"
        aria-label={t('librarySearch')}
        aria-keyshortcuts="/"
        aria-describedby="library-keys"
        autoComplete="off"
        spellcheck={false}
        placeholder={t('librarySearchPlaceholder')}
        value={model.query.value}
        onInput={(e) => model.setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && model.visible.value.length > 0) {
            e.preventDefault();
            model.moveFocus(0);
          }
        }}
        class="h-12 w-full rounded-xl border border-line-strong bg-surface ps-11 pe-10 text-[0.9375rem] text-ink shadow-sm placeholder:text-muted focus-visible:border-accent"
      />
      {!model.query.value && (
        <kbd aria-hidden="true" class="pointer-events-none absolute end-3.5 top-1/2 -translate-y-1/2 rounded border border-line-strong px-1.5 font-mono text-[0.75rem] text-muted">
          /
        </kbd>
      )}
    </div>
  );
}
