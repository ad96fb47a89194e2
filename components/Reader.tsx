/**
 * The reader page: the toolbar, the article set for reading, and the page-wide
 * behaviour that goes with it (theme on <html>, keyboard shortcuts, reading
 * progress and the remembered scroll position).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { uiLanguage } from '../utils/ui-language';
import { createReaderModel, defaultReaderDeps, type ReaderModel } from '../utils/models/reader';
import { createReaderHighlights, defaultHighlightDeps, type ReaderHighlights } from '../utils/models/reader-highlights';
import { createReaderFix, type ReaderFix } from '../utils/models/reader-fix';
import { sendMessage } from '../utils/messaging';
import { READER_BODY_SELECTOR } from '../utils/highlights/text-model';
import { isTypingTarget, readerShortcut } from '../utils/models/reader-keys';
import { ArticleBody } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { ErrorMessage } from './ErrorMessage';
import { FixNotice } from './reader/FixNotice';
import { RemovePartsBar } from './reader/RemoveParts';
import { BackToTop } from './reader/BackToTop';
import { ReaderError, ReaderLoading } from './reader/ReaderStates';
import { ReaderToolbar } from './reader/ReaderToolbar';
import { usePageEffects } from './reader/use-page-effects';
import { HighlightPopover } from './reader/highlights/HighlightPopover';
import { SelectionToolbar } from './reader/highlights/SelectionToolbar';
import { useHighlightTheme } from './reader/highlights/use-highlight-theme';
import { UndoToast } from './UndoToast';
import { UNDO_MS } from '../utils/models/reader-highlights';

/** The current selection as a range inside the article body, if it holds any of it. */
function bodySelection(): Range | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const body = document.querySelector(READER_BODY_SELECTOR);
  return body && range.intersectsNode(body) ? range.cloneRange() : null;
}

export function Reader({ model: given, highlights: givenHighlights, fix: givenFix }: { model?: ReaderModel; highlights?: ReaderHighlights; fix?: ReaderFix }) {
  const model = useMemo(() => given ?? createReaderModel(defaultReaderDeps()), [given]);
  const fix = useMemo(() => givenFix ?? createReaderFix(model, { send: sendMessage }), [givenFix, model]);
  const highlights = useMemo(
    () => givenHighlights ?? createReaderHighlights(defaultHighlightDeps({ savedId: () => model.savedId.value, save: () => model.save() })),
    [givenHighlights, model],
  );
  // The toolbar speaks the UI's language even when the article is in another one.
  const ui = useMemo(uiLanguage, []);
  const [farDown, setFarDown] = useState(false);
  // The <article> element, for the selection toolbar.
  const articleEl = useRef<HTMLElement>(null);
  useEffect(() => {
    void model.load();
    return () => model.dispose();
  }, [model]);
  useEffect(() => {
    void highlights.start();
    return () => highlights.dispose();
  }, [highlights]);
  usePageEffects(model, setFarDown);
  useHighlightTheme(model.typography.theme.value.value);

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
      else if (action === 'highlight') {
        const range = bodySelection();
        if (!range) return;
        void highlights.create(range);
        document.getSelection()?.removeAllRanges();
      }
      else if (action === 'increase') void model.fontSize.increase();
      else void model.fontSize.decrease();
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [model, highlights]);

  // A click on a painted highlight (not a drag that selects, not a link) opens its popover.
  const onArticleClick = (e: MouseEvent) => {
    if (!document.getSelection()?.isCollapsed) return;
    if ((e.target as Element | null)?.closest?.('a[href], button')) return;
    const id = highlights.at(e.clientX, e.clientY);
    if (id) highlights.select(id);
  };

  return (
    <div class="min-h-screen bg-paper text-ink">
      <ReaderToolbar model={model} highlights={highlights} fix={fix} ui={ui} />
      {/* Before the article in the DOM, so Tab goes from its buttons into the parts; drawn at the bottom of the window. */}
      {status.kind === 'ready' && fix.removing.value && <RemovePartsBar model={model} fix={fix} />}
      <main id="main" class="px-5 pb-24 pt-10 sm:px-8 sm:pt-16">
        {status.kind === 'loading' && <ReaderLoading />}
        {status.kind === 'error' && <ReaderError model={model} message={status.message} />}
        {status.kind === 'ready' && article && (
          <>
            <ErrorMessage message={model.error.value ?? fix.error.value} class="reader-column mb-6" />
            <FixNotice fix={fix} />
            <article
              ref={articleEl}
              class="reader-article reader-column"
              aria-labelledby="reader-title"
              lang={article.lang ?? undefined}
              dir={article.dir ?? 'auto'}
              data-font={fontFamily.value.value}
              data-leading={lineHeight.value.value}
              data-width={contentWidth.value.value}
              style={{ fontSize: `${model.fontSize.size.value}px` }}
              onClick={onArticleClick}
            >
              <ArticleHeader article={article} showLeadImage={model.showLeadImage.value} images={status.images} />
              <ArticleBody html={article.content} url={article.url} images={status.images} onMounted={(body) => void highlights.attach(body, article.content)} />
            </article>
            {/* Fixed, not in the flow: a highlight fails wherever the reader is in a long article. */}
            {highlights.error.value && (
              <div class="pointer-events-none fixed inset-x-0 bottom-20 z-30 flex justify-center px-4">
                <ErrorMessage message={highlights.error.value} class="pointer-events-auto max-w-xl shadow-lg" />
              </div>
            )}
            <SelectionToolbar container={articleEl} article={article} highlights={highlights} />
            <HighlightPopover highlights={highlights} />
          </>
        )}
      </main>
      <BackToTop visible={farDown && status.kind === 'ready'} />
      <UndoToast
        message={highlights.removed.value ? t('highlightRemoved') : null}
        serial={highlights.removed.value?.serial ?? 0}
        durationMs={UNDO_MS}
        onUndo={() => void highlights.undo()}
        onDismiss={() => highlights.dismissUndo()}
      />
    </div>
  );
}
