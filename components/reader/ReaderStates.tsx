/** The reader's non-article states: loading (a skeleton in the article's shape) and errors. */
import { t } from '../../utils/i18n';
import type { ReaderModel } from '../../utils/models/reader';
import { Icon, Spinner } from '../Icon';

export function ReaderLoading() {
  return (
    <div class="reader-column animate-rise" role="status">
      <p class="mb-8 flex items-center gap-2.5 text-sm text-muted">
        <Spinner /> {t('readerLoading')}
      </p>
      {/* A quiet skeleton in the shape of an article, so the page does not jump when it arrives. */}
      <div aria-hidden="true" class="space-y-4 motion-safe:animate-pulse">
        <div class="h-3 w-28 rounded bg-sunken" />
        <div class="h-9 w-11/12 rounded bg-sunken" />
        <div class="h-9 w-2/3 rounded bg-sunken" />
        <div class="h-3 w-48 rounded bg-sunken pt-4" />
        {[100, 96, 98, 90, 60].map((w) => (
          <div key={w} class="h-4 rounded bg-sunken" style={{ width: `${w}%` }} />
        ))}
      </div>
    </div>
  );
}

/** Not found or failed: say so plainly and offer the way back (or the library). */
export function ReaderError({ model, message }: { model: ReaderModel; message: string }) {
  return (
    <section class="reader-column animate-rise py-10 text-center" aria-labelledby="reader-error-title">
      <div class="mx-auto mb-5 flex size-14 items-center justify-center rounded-full bg-sunken text-muted">
        <Icon name="book-open" size={26} />
      </div>
      <h1 id="reader-error-title" class="font-serif text-2xl font-bold text-ink">
        {t('readerErrorTitle')}
      </h1>
      <p role="alert" class="mx-auto mt-3 max-w-md text-[0.9375rem] leading-relaxed text-muted">
        {message}
      </p>
      <div class="mt-7 flex flex-wrap justify-center gap-2.5">
        {model.canGoBack.value && (
          <button type="button" class="btn btn-primary" onClick={() => model.backToOriginal()}>
            <Icon name="arrow-left" size={18} class="rtl:-scale-x-100" />
            {t('backToOriginal')}
          </button>
        )}
        <a href="/library.html" class="btn btn-quiet">
          <Icon name="library" size={18} />
          {t('openLibrary')}
        </a>
      </div>
    </section>
  );
}
