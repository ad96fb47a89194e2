/** The article's masthead: site, title (the page's one <h1>), byline, date, reading time, lead image. */
import { Fragment, type ComponentChildren } from 'preact';
import type { ExtractedArticle } from '../utils/article/types';
import { formatDate, isoDate } from '../utils/format';
import { t } from '../utils/i18n';
import { siteLabel } from '../utils/url';

/** `images`: a saved article's local copies; its lead image shows only from there. */
export function ArticleHeader({ article, showLeadImage, images }: { article: Omit<ExtractedArticle, 'textContent'>; showLeadImage: boolean; images?: ReadonlyMap<string, string> }) {
  const leadSrc = article.leadImage ? (images ? images.get(article.leadImage) : article.leadImage) : undefined;
  const site = article.siteName || siteLabel(article.url);
  const published = formatDate(article.publishedTime, 'long');
  const meta: ComponentChildren[] = [];
  // dir="auto": these are UI strings ("3 min read") inside an article that may run right to left.
  if (article.byline) meta.push(<span dir="auto" class="font-semibold text-ink-soft">{t('by', article.byline)}</span>);
  if (published) meta.push(<time dir="auto" dateTime={isoDate(article.publishedTime)}>{published}</time>);
  if (article.readingTimeMinutes > 0) meta.push(<span dir="auto">{t('minutesRead', article.readingTimeMinutes)}</span>);

  return (
    <header class="mb-[2.2em]">
      {site && (
        <p class="mb-[0.9em] font-sans text-[0.68em] font-bold uppercase tracking-[0.12em] text-accent">{site}</p>
      )}
      {/* tabIndex -1: "Back to top" moves focus here, so keyboard users restart from the headline. */}
      <h1
        id="reader-title"
        tabIndex={-1}
        class="reader-title text-[2.05em] font-bold leading-[1.14] tracking-[-0.015em] text-balance text-ink"
      >
        {article.title}
      </h1>
      {article.excerpt && article.excerpt.length < 320 && !article.content.includes(article.excerpt.slice(0, 60)) && (
        <p class="reader-standfirst mt-[0.7em] text-[1.12em] leading-normal text-muted">{article.excerpt}</p>
      )}
      {meta.length > 0 && (
        <p class="mt-[1.1em] flex flex-wrap items-center gap-x-2.5 gap-y-1 border-t border-line pt-[0.9em] font-sans text-[0.72em] text-muted">
          {meta.map((item, i) => (
            <Fragment key={i}>
              {i > 0 && (
                <span aria-hidden="true" class="text-line-strong">
                  ·
                </span>
              )}
              {item}
            </Fragment>
          ))}
        </p>
      )}
      {showLeadImage && leadSrc && (
        <figure class="mt-[1.6em]">
          <img src={leadSrc} alt={article.leadImageAlt ?? ''} loading="lazy" decoding="async" class="w-full rounded-lg bg-sunken object-cover" />
          {article.leadImageCaption && <figcaption>{article.leadImageCaption}</figcaption>}
        </figure>
      )}
    </header>
  );
}
