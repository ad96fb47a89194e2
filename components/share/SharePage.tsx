/** The share window: the quote (or article) being shared, then every way to share it. */
import { useEffect } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { shareTargetFromSearch } from '../../utils/share-page';
import { normaliseQuote } from '../../utils/text-fragment';
import { applyUiLanguage } from '../../utils/ui-language';
import { siteLabel } from '../../utils/url';
import { BrandMark } from '../Icon';
import { Glyph } from './Glyph';
import { SharePanel } from './SharePanel';

export function SharePage({ search }: { search: string }) {
  const target = shareTargetFromSearch(search);
  useEffect(() => {
    applyUiLanguage();
    document.title = t('sharePageTitle');
  }, []);
  const site = target ? target.siteName || siteLabel(target.url) : '';
  return (
    <div class="mx-auto flex min-h-screen max-w-[480px] flex-col bg-paper text-ink">
      <header class="flex items-center gap-2.5 border-b border-line px-5 py-3">
        <BrandMark size={26} />
        <h1 class="font-serif text-[1.15rem] font-bold tracking-tight">
          {target?.quote ? t('shareQuoteHeading') : t('shareArticleHeading')}
        </h1>
      </header>
      <main class="flex flex-col gap-4 p-5">
        {!target ? (
          <p class="text-sm text-muted">{t('shareNothing')}</p>
        ) : (
          <>
            <figure class="flex flex-col gap-2">
              {target.quote && (
                <blockquote class="relative rounded-xl border-l-4 border-accent bg-surface py-3 pl-10 pr-4 font-serif text-[1.0625rem] leading-relaxed text-ink">
                  <Glyph name="quote" size={18} class="absolute left-3.5 top-3.5 text-accent" />
                  <p class="line-clamp-6">{normaliseQuote(target.quote)}</p>
                </blockquote>
              )}
              <figcaption class="px-1">
                {site && <span class="eyebrow block truncate">{site}</span>}
                <span class="line-clamp-2 text-sm font-semibold text-ink-soft">{target.title}</span>
              </figcaption>
            </figure>
            {target.quote && <p class="px-1 text-[0.8125rem] text-muted">{t('shareLinkNote')}</p>}
            <SharePanel target={target} />
          </>
        )}
      </main>
    </div>
  );
}
