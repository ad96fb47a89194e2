/** The toolbar popup: what Folio can do for the current tab. */
import { useEffect, useMemo } from 'preact/hooks';
import { t } from '../utils/i18n';
import { applyUiLanguage } from '../utils/ui-language';
import { createPopupModel, type PopupModel } from '../utils/models/popup';
import { ErrorMessage } from './ErrorMessage';
import { BrandMark, Icon, Spinner } from './Icon';
import { SaveButton } from './SaveButton';
import { ArticleCard } from './popup/ArticleCard';
import { Notice } from './popup/Notice';
import { ShareSection } from './popup/ShareSection';
import { SiteTextSizeRow, TextSizeRow } from './popup/TextSizeRow';
import { Glyph } from './share/Glyph';

const RESTRICTED_TEXT = {
  'browser-page': 'restrictedBrowserPage',
  store: 'restrictedStore',
  pdf: 'restrictedPdf',
} as const;

/** Performance mark `npm run bench` reads: the popup has left "loading" and its buttons work. */
export const POPUP_READY_MARK = 'folio-popup-ready';

export function Popup({ model: given }: { model?: PopupModel }) {
  const model = useMemo(() => given ?? createPopupModel(), [given]);
  useEffect(() => {
    applyUiLanguage();
    void model.load();
    return () => model.dispose();
  }, [model]);
  const ready = model.view.value.kind !== 'loading';
  useEffect(() => {
    if (ready) performance.mark(POPUP_READY_MARK);
  }, [ready]);

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
        {!model.online.value && <Notice icon="offline">{t('offlineNote')}</Notice>}
        <PopupBody model={model} />
        {/* On an article the actions show their own failures beside them (ArticleActions): below the share row they were out of sight in a full popup. */}
        {!isArticleView(model) && <ErrorMessage message={model.error.value} />}
        {model.errorCode.value === 'not-an-article' && (
          <button type="button" class="btn btn-quiet min-h-10 w-full" onClick={() => void model.openReader(true)}>
            <Icon name="book-open" size={18} />
            {t('tryAnyway')}
          </button>
        )}
      </main>
    </div>
  );
}

function isArticleView(model: PopupModel): boolean {
  const view = model.view.value;
  return view.kind === 'page' && view.isArticle;
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
      return <Notice icon="info">{t(RESTRICTED_TEXT[view.access])}</Notice>;
    case 'reader':
      return (
        <>
          <Notice icon="book-open">{t('readerActive')}</Notice>
          <TextSizeRow model={model.fontSize} label={t('fontSize')} />
        </>
      );
    case 'page':
      return view.isArticle ? <ArticleActions model={model} /> : <NotArticle model={model} />;
  }
}

function ArticleActions({ model }: { model: PopupModel }) {
  const busy = model.busy.value;
  const saved = model.savedId.value !== null;
  const siteFont = model.siteFont.value;
  return (
    <>
      <ArticleCard article={model.article.value!} minutes={model.readingMinutes.value} />
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
        <SaveButton class="min-h-11 w-full" saved={saved} saving={busy === 'save'} onSave={() => void model.save()} />
        {saved && (
          <button
            type="button"
            class="btn btn-ghost min-h-9 self-center text-[0.8125rem] font-medium text-muted"
            aria-busy={busy === 'remove' ? 'true' : undefined}
            onClick={() => void model.remove()}
          >
            <Glyph name="trash" size={16} />
            {t('removeFromLibrary')}
          </button>
        )}
        {model.removed.value && <RemovedNote model={model} />}
        <ErrorMessage message={model.error.value} />
        <FixPageButton model={model} />
      </div>
      {siteFont && <SiteTextSizeRow model={siteFont} />}
      <ShareSection model={model} />
    </>
  );
}

/** After "Remove from library": say so, and offer the way back. */
function RemovedNote({ model }: { model: PopupModel }) {
  return (
    <div role="status" class="flex items-center justify-between gap-3 rounded-xl bg-toast px-3.5 py-2 text-sm text-on-toast">
      <span>{t('removedFromLibrary')}</span>
      <button
        type="button"
        class="rounded-md px-2 py-1 font-semibold underline-offset-2 hover:underline"
        onClick={() => void model.undoRemove()}
      >
        {t('undo')}
      </button>
    </div>
  );
}

function NotArticle({ model }: { model: PopupModel }) {
  const busy = model.busy.value === 'open';
  return (
    <>
      <Notice icon="info">{t('notArticle')}</Notice>
      <button
        type="button"
        class="btn btn-quiet min-h-11 w-full"
        aria-busy={busy ? 'true' : undefined}
        onClick={() => void model.openReader(true)}
      >
        {busy ? <Spinner /> : <Icon name="book-open" size={19} />}
        {busy ? t('opening') : t('openReaderAnyway')}
      </button>
      <FixPageButton model={model} />
    </>
  );
}

/** Folio read the wrong part of this page (or finds none): pick the article on the page itself. */
function FixPageButton({ model }: { model: PopupModel }) {
  const busy = model.busy.value === 'fix';
  return (
    <button
      type="button"
      class="btn btn-ghost min-h-9 self-center text-[0.8125rem] font-medium text-muted"
      title={t('fixThisPageTitle')}
      aria-busy={busy ? 'true' : undefined}
      onClick={() => void model.fixPage()}
    >
      {busy ? <Spinner /> : <Icon name="target" size={16} />}
      {t('fixThisPage')}
    </button>
  );
}
