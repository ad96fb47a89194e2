/**
 * The reader page: the toolbar, the article set for reading, and the page-wide
 * behaviour that goes with it (theme on <html>, keyboard shortcuts, reading
 * progress and the remembered scroll position).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { uiLanguage } from '../utils/ui-language';
import { createReaderModel, defaultReaderDeps, type ReaderModel } from '../utils/models/reader';
import { isTypingTarget, readerShortcut } from '../utils/models/reader-keys';
import { ArticleBody } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { ErrorMessage } from './ErrorMessage';
import { SelectionShare } from './SelectionShare';
import { BackToTop } from './reader/BackToTop';
import { ReaderError, ReaderLoading } from './reader/ReaderStates';
import { ReaderToolbar } from './reader/ReaderToolbar';
import { usePageEffects } from './reader/use-page-effects';

export function Reader({ model: given }: { model?: ReaderModel }) {
  const model = useMemo(() => given ?? createReaderModel(defaultReaderDeps()), [given]);
  // The toolbar speaks the UI's language even when the article is in another one.
  const ui = useMemo(uiLanguage, []);
  const [farDown, setFarDown] = useState(false);
  // The <article> element, for the "share the selected quote" control.
  const [articleEl, setArticleEl] = useState<HTMLElement | null>(null);
  useEffect(() => {
    void model.load();
    return () => model.dispose();
  }, [model]);
  usePageEffects(model, setFarDown);

  const status = model.status.value;
  const article = model.article.value;
  const { fontFamily, lineHeight, contentWidth } = model.typography;

  // Keyboard shortcuts (listed in the help panel). Panels handle their own Escape first.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = readerShortcut({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, typing: isTypingTarget(e.target) });
      if (!action) return;
      const ready = model.status.value.kind === 'ready';
      if (action === 'close') {
        if (model.panel.value === null) return;
        model.panel.value = null;
      } else if (action === 'help') model.togglePanel('help');
      else if (!ready) return;
      else if (action === 'text') model.togglePanel('text');
      else if (action === 'increase') void model.fontSize.increase();
      else void model.fontSize.decrease();
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [model]);

  return (
    <div class="min-h-screen bg-paper text-ink">
      <ReaderToolbar model={model} ui={ui} />
      <main id="main" class="px-5 pb-24 pt-10 sm:px-8 sm:pt-16">
        {status.kind === 'loading' && <ReaderLoading />}
        {status.kind === 'error' && <ReaderError model={model} message={status.message} />}
        {status.kind === 'ready' && article && (
          <>
            <ErrorMessage message={model.error.value} class="reader-column mb-6" />
            <article
              ref={setArticleEl}
              class="reader-article reader-column"
              aria-labelledby="reader-title"
              lang={article.lang ?? undefined}
              dir={article.dir ?? 'auto'}
              data-font={fontFamily.value.value}
              data-leading={lineHeight.value.value}
              data-width={contentWidth.value.value}
              style={{ fontSize: `${model.fontSize.size.value}px` }}
            >
              <ArticleHeader article={article} showLeadImage={model.showLeadImage.value} images={status.images} />
              <ArticleBody html={article.content} url={article.url} images={status.images} />
            </article>
            <SelectionShare container={articleEl} article={article} />
          </>
        )}
      </main>
      <BackToTop visible={farDown && status.kind === 'ready'} />
    </div>
  );
}
