/**
 * Extraction: Readability on a clone of the document (the live page is never
 * touched), then Folio's own passes (utils/article/cleanup/), producing the one
 * `ExtractedArticle` shape everything else uses. Runs in the page (real DOM)
 * and in Node (scripts/extract.ts, on linkedom or jsdom): no Node APIs here.
 */
import { Readability } from '@mozilla/readability';
import { cleanUrl } from '../url';
import { runCleanup } from './cleanup';
import { detectArticle } from './detect';
import { readJsonLd } from './jsonld';
import { baseUrlOf, readMetadata } from './metadata';
import { fixLazyImages } from './prepare/lazy-images';
import { blockText, countWords, normalizeSpace } from './text';
import { readingTimeMinutes, type ExtractedArticle } from './types';

export type ExtractionResult =
  | { ok: true; article: ExtractedArticle }
  | { ok: false; reason: 'not-an-article' | 'error'; detail: string };

export interface ExtractOptions {
  /**
   * "Try anyway": return Readability's best effort even when detection says the
   * page is not an article. Without it, a page detection rejects gives
   * `not-an-article`.
   */
  force?: boolean;
  /**
   * The caller owns `doc` and does not need it afterwards (the CLI, tests), so
   * work on it in place instead of cloning. Never set this for a live page.
   */
  mutateDocument?: boolean;
  /** Pages with more elements than this are refused rather than parsed for seconds. */
  maxElements?: number;
  /** Skip Folio's cleanup passes (for comparisons). */
  skipCleanup?: boolean;
}

/** Roughly a 10 MB page of ordinary markup; beyond this extraction takes seconds and the page is not an article anyway. */
export const DEFAULT_MAX_ELEMENTS = 150_000;
const MAX_EXCERPT_CHARS = 400;

export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): ExtractionResult {
  try {
    if (!doc?.documentElement || !doc.body) {
      return { ok: false, reason: 'not-an-article', detail: 'The document has no body (empty document or frameset)' };
    }
    const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
    const elementCount = doc.getElementsByTagName('*').length;
    if (elementCount > maxElements) {
      return { ok: false, reason: 'not-an-article', detail: `Too large to read: ${elementCount} elements` };
    }
    if (!options.force) {
      const detection = detectArticle(doc, url);
      if (!detection.isArticle) {
        return { ok: false, reason: 'not-an-article', detail: `Detection: ${detection.signals.join(', ') || 'no article signals'}` };
      }
    }

    // Metadata first, from the untouched document: Readability strips the head's scripts (JSON-LD) from its copy.
    const jsonLd = readJsonLd(doc);
    const baseUrl = baseUrlOf(doc, url);
    const work = options.mutateDocument ? doc : (doc.cloneNode(true) as Document);
    fixLazyImages(work);
    const parsed = new Readability(work, {
      maxElemsToParse: maxElements,
      // charThreshold stays at Readability's 500: 250 made it settle on a teaser block on several WCXB pages.
      // Keep the element: the cleanup passes work on it before it is serialised once.
      serializer: (el: Node) => el,
    }).parse();
    const root = parsed?.content as unknown as Element | null | undefined;
    if (!parsed || !root || !normalizeSpace(root.textContent)) {
      return { ok: false, reason: 'not-an-article', detail: 'Readability found no article text' };
    }

    const meta = readMetadata(doc, url, jsonLd, parsed);
    const title = meta.title || normalizeSpace(parsed.title) || normalizeSpace(doc.title);
    if (!options.skipCleanup) {
      runCleanup(root, { doc: work, baseUrl, title });
    }

    const textContent = blockText(root);
    if (!textContent) return { ok: false, reason: 'not-an-article', detail: 'Nothing left after cleanup' };
    const wordCount = countWords(textContent);
    const firstParagraph = normalizeSpace(root.querySelector('p')?.textContent);
    const excerpt = (meta.excerpt || firstParagraph || textContent.slice(0, MAX_EXCERPT_CHARS)).slice(0, MAX_EXCERPT_CHARS) || null;
    return {
      ok: true,
      article: {
        url,
        canonicalUrl: meta.canonicalUrl ?? cleanUrl(url) ?? url,
        title,
        byline: meta.byline,
        siteName: meta.siteName,
        publishedTime: meta.publishedTime,
        modifiedTime: meta.modifiedTime,
        lang: meta.lang,
        dir: meta.dir,
        leadImage: meta.leadImage ?? firstImage(root),
        excerpt,
        content: root.innerHTML,
        textContent,
        wordCount,
        readingTimeMinutes: readingTimeMinutes(wordCount),
      },
    };
  } catch (error) {
    // Deep nesting overflows the stack in some DOMs; broken pages throw in others. Never let it escape.
    return { ok: false, reason: 'error', detail: error instanceof Error ? error.message : String(error) };
  }
}

function firstImage(root: Element): string | null {
  const src = root.querySelector('img[src]')?.getAttribute('src');
  return src && /^https?:\/\//i.test(src) ? src : null;
}
