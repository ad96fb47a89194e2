/** The detected article: lead image thumbnail, site, title and reading time. */
import { useState } from 'preact/hooks';
import type { PageReport } from '../../utils/messaging';
import { t } from '../../utils/i18n';
import { siteLabel } from '../../utils/url';
import { Glyph } from '../share/Glyph';

/** `minutes` arrives a moment after the card (the page counts it when the popup opens); null until then. */
export function ArticleCard({ article, minutes }: { article: PageReport; minutes: number | null }) {
  const site = article.siteName || siteLabel(article.url);
  // A thumbnail that fails to load (offline, hotlink-protected) simply goes away.
  const [imageFailed, setImageFailed] = useState(false);
  const showImage = Boolean(article.leadImage) && !imageFailed;
  return (
    <section aria-labelledby="popup-article-title" class="flex animate-rise items-start gap-3">
      {showImage && (
        <img
          src={article.leadImage!}
          alt=""
          width={72}
          height={72}
          // The site learns nothing about where the thumbnail is shown.
          referrerpolicy="no-referrer"
          decoding="async"
          class="size-[72px] shrink-0 rounded-lg border border-line bg-sunken object-cover"
          onError={() => setImageFailed(true)}
        />
      )}
      <div class="min-w-0 flex-1">
        {site && <p class="eyebrow mb-1 truncate">{site}</p>}
        <h2 id="popup-article-title" class="line-clamp-3 font-serif text-[1.0625rem] font-semibold leading-snug text-ink">
          {article.title}
        </h2>
        {minutes !== null && (
          <p class="mt-1.5 flex animate-rise items-center gap-1.5 text-[0.8125rem] text-muted">
            <Glyph name="clock" size={14} />
            {t('minutesRead', minutes)}
          </p>
        )}
      </div>
    </section>
  );
}
