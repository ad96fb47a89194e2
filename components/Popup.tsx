/** The toolbar popup: what Folio can do for the current tab. */
import { useEffect, useMemo } from 'preact/hooks';
import { t } from '../utils/i18n';
import { applyUiLanguage } from '../utils/ui-language';
import { createPopupModel, type PopupModel } from '../utils/models/popup';
import { siteLabel } from '../utils/url';
import { ErrorMessage } from './ErrorMessage';
import { FontSizeControl } from './FontSizeControl';
import { BrandMark, Icon, Spinner } from './Icon';
import { SaveButton } from './SaveButton';
import { ShareLinks } from './ShareLinks';

const RESTRICTED_TEXT = {
  'browser-page': 'restrictedBrowserPage',
  store: 'restrictedStore',
  pdf: 'restrictedPdf',
} as const;

export function Popup({ model: given }: { model?: PopupModel }) {
  const model = useMemo(() => given ?? createPopupModel(), [given]);
  useEffect(() => {
    applyUiLanguage();
    void model.load();
    return () => model.dispose();
  }, [model]);

  return (
    <div class="flex w-[360px] max-w-full flex-col bg-paper text-ink">
      <header class="flex items-center justify-between border-b border-line px-4 py-3">
        <div class="flex items-center gap-2.5">
          <BrandMark size={26} />
          <h1 class="font-serif text-[1.15rem] font-bold tracking-tight">{t('popupHeading')}</h1>
        </div>
        {/* A real link (keyboard, middle-click, "link" role); a plain click opens the tab through the API so the popup can close. */}
        <a
          href={model.libraryUrl}
          target="_blank"
          rel="noopener"
          class="btn btn-ghost min-h-9 px-2.5 text-[0.8125rem]"
          onClick={(event) => {
            event.preventDefault();
            void model.openLibrary();
          }}
        >
          <Icon name="library" size={17} />
          {t('openLibrary')}
        </a>
      </header>
      <main class="flex flex-col gap-4 p-4">
        <PopupBody model={model} />
        <ErrorMessage message={model.error.value} />
      </main>
    </div>
  );
}

function PopupBody({ model }: { model: PopupModel }) {
  const view = model.view.value;
  switch (view.kind) {
    case 'loading':
      return (
        <p class="flex items-center gap-2.5 py-6 text-sm text-muted" role="status">
          <Spinner /> {t('checking')}
        </p>
      );
    case 'unavailable':
      return null;
    case 'restricted':
      return <Notice icon="info" text={t(RESTRICTED_TEXT[view.access])} />;
    case 'reader':
      return (
        <>
          <Notice icon="book-open" text={t('readerActive')} />
          <FontSizeRow model={model} />
        </>
      );
    case 'page':
      return view.isArticle ? <ArticleActions model={model} /> : <NotArticle model={model} />;
  }
}

function Notice({ icon, text }: { icon: 'info' | 'book-open'; text: string }) {
  return (
    <div class="flex items-start gap-3 rounded-xl bg-sunken px-3.5 py-3 text-sm leading-relaxed text-ink-soft">
      <Icon name={icon} size={18} class="mt-0.5 shrink-0 text-muted" />
      <p>{text}</p>
    </div>
  );
}

function ArticleActions({ model }: { model: PopupModel }) {
  const article = model.article.value!;
  const site = article.siteName || siteLabel(article.url);
  const busy = model.busy.value;
  return (
    <>
      <section aria-labelledby="popup-article-title" class="animate-rise">
        {site && <p class="eyebrow mb-1 truncate">{site}</p>}
        <h2 id="popup-article-title" class="line-clamp-3 font-serif text-[1.0625rem] font-semibold leading-snug text-ink">
          {article.title}
        </h2>
      </section>
      <div class="flex flex-col gap-2">
        <button
          type="button"
          class="btn btn-primary min-h-11 w-full text-[0.9375rem]"
          aria-busy={busy === 'open' ? 'true' : undefined}
          onClick={() => void model.openReader(false)}
        >
          {busy === 'open' ? <Spinner /> : <Icon name="book-open" size={19} />}
          {busy === 'open' ? t('opening') : t('openReader')}
        </button>
        <SaveButton
          class="min-h-11 w-full"
          saved={model.savedId.value !== null}
          saving={busy === 'save'}
          onSave={() => void model.save()}
        />
      </div>
      <FontSizeRow model={model} />
      <div class="flex items-center justify-between gap-3 border-t border-line pt-3">
        <h3 class="eyebrow">{t('share')}</h3>
        <ShareLinks links={model.shares.value} />
      </div>
    </>
  );
}

function FontSizeRow({ model }: { model: PopupModel }) {
  return (
    <div class="flex items-center justify-between gap-3 border-t border-line pt-3">
      <span class="eyebrow" aria-hidden="true">
        {t('fontSize')}
      </span>
      <FontSizeControl model={model.fontSize} />
    </div>
  );
}

function NotArticle({ model }: { model: PopupModel }) {
  const busy = model.busy.value === 'open';
  return (
    <>
      <Notice icon="info" text={t('notArticle')} />
      <button
        type="button"
        class="btn btn-quiet min-h-11 w-full"
        aria-busy={busy ? 'true' : undefined}
        onClick={() => void model.openReader(true)}
      >
        {busy ? <Spinner /> : <Icon name="book-open" size={19} />}
        {busy ? t('opening') : t('openReaderAnyway')}
      </button>
    </>
  );
}
