/**
 * A row's lead image from the library's own copy (offline): the page makes an
 * object URL for the stored blob and revokes it when the row unmounts, so
 * only rows on screen hold one.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ArticleMeta } from '../../utils/library/types';

export function Thumbnail({ meta, load }: { meta: ArticleMeta; load: (meta: ArticleMeta) => Promise<Blob | null> }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    let made: string | null = null;
    setSrc(null);
    void load(meta).then((blob) => {
      if (!alive || !blob) return;
      made = URL.createObjectURL(blob);
      setSrc(made);
    });
    return () => {
      alive = false;
      if (made) URL.revokeObjectURL(made);
    };
    // A new lead image (re-save) means a new blob; other changes to the meta do not.
  }, [meta.id, meta.leadImage, load]);

  const initial = (meta.siteName || meta.siteKey || meta.title).trim().charAt(0).toUpperCase();
  return (
    <div aria-hidden="true" class="relative hidden size-[5.5rem] shrink-0 overflow-hidden rounded-lg bg-sunken sm:block">
      {src ? (
        // A stored blob the browser cannot decode falls back to the placeholder, not a broken-image icon.
        <img src={src} alt="" class="size-full object-cover" decoding="async" onError={() => setSrc(null)} />
      ) : (
        <span class="flex size-full items-center justify-center font-serif text-2xl font-bold text-muted/60">{initial}</span>
      )}
    </div>
  );
}
