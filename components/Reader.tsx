/** The reader page: a slim toolbar and the article, set for reading. */
import { useEffect, useMemo } from 'preact/hooks';
import { t } from '../utils/i18n';
import { uiLanguage } from '../utils/ui-language';
import { createReaderModel, defaultReaderDeps, type ReaderModel } from '../utils/models/reader';
import { ArticleBody } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { ErrorMessage } from './ErrorMessage';
import { FontSizeControl } from './FontSizeControl';
import { BrandMark, Icon, Spinner } from './Icon';
import { SaveButton } from './SaveButton';

export function Reader({ model: given }: { model?: ReaderModel }) {
  const model = useMemo(() => given ?? createReaderModel(defaultReaderDeps()), [given]);
  // The toolbar speaks the UI's language even when the article is in another one.
  const ui = useMemo(uiLanguage, []);
  useEffect(() => {
    void model.load();
    return () => model.dispose();
  }, [model]);

  const status = model.status.value;
  const article = model.article.value;

  // The page takes the article's language and direction (hyphenation, quotes, screen reader voice, RTL).
  useEffect(() => {
    const root = document.documentElement;
    if (article) {
      document.title = article.title || t('popupHeading');
      if (article.lang) root.lang = article.lang;
      root.dir = article.dir ?? 'auto';
    }
  }, [article]);

  return (
    <div class="min-h-screen bg-paper text-ink">
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
          <div class="ms-auto flex items-center gap-1.5 sm:gap-2">
            {status.kind === 'ready' && (
              <>
                <FontSizeControl model={model.fontSize} compact />
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
          </div>
        </div>
      </header>
      <main id="main" class="px-5 pb-24 pt-10 sm:px-8 sm:pt-16">
        {status.kind === 'loading' && <Loading />}
        {status.kind === 'error' && <ReaderError model={model} message={status.message} />}
        {status.kind === 'ready' && article && (
          <>
            <ErrorMessage message={model.error.value} class="reader-column mb-6" />
            <article
              class="reader-article reader-column"
              lang={article.lang ?? undefined}
              dir={article.dir ?? 'auto'}
              style={{ fontSize: `${model.fontSize.size.value}px` }}
            >
              <ArticleHeader article={article} showLeadImage={model.showLeadImage.value} />
              <ArticleBody html={article.content} url={article.url} />
            </article>
          </>
        )}
      </main>
    </div>
  );
}

function Loading() {
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

function ReaderError({ model, message }: { model: ReaderModel; message: string }) {
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
