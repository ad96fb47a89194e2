/**
 * Extraction: Readability on a clone of the document (the live page is never
 * touched), then Folio's own passes (utils/article/cleanup/), producing the one
 * `ExtractedArticle` shape everything else uses. Runs in the page (real DOM)
 * and in Node (scripts/extract.ts, on linkedom or jsdom): no Node APIs here.
 */
import { Readability } from '@mozilla/readability';
import { cleanUrl } from '../url';
import { runCleanup } from './cleanup';
import { removeDisclosureBoxes } from './cleanup/disclosures';
import { carryNosnippet } from './cleanup/nosnippet';
import { detectArticle } from './detect';
import { readJsonLd } from './jsonld';
import { baseUrlOf, readMetadata } from './metadata';
import { revealStreamedSegments } from './prepare/streamed-segments';
import { shieldDocumentRoots } from './prepare/document-root';
import { fixLazyImages } from './prepare/lazy-images';
import { blockText, countWords, normalizeSpace } from './text';
import { readingTimeMinutes, type ExtractedArticle } from './types';
import { applyAfter, applyBefore } from '../site-rules/apply';
import { carryMarks, markBlocks } from '../site-rules/marks';
import { matchCount } from '../site-rules/selector';
import type { RuleOutcome, SiteRule } from '../site-rules/types';


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
  /** Skip these cleanup rules by name (tests showing that a fixture depends on its rule). */
  disabledRules?: readonly string[];
  /** The site's "Fix this page" rule (utils/site-rules/): applied before and after Readability. */
  rule?: SiteRule;
  /** Told what the rule did (the reader says when a site fix was used). */
  onRule?: (outcome: RuleOutcome) => void;
  /**
   * Write each block's stable class or id on it (`data-folio-step`) before the
   * classes go, so the reader's "Remove parts" can name the kind of block a
   * person removed for the site's next pages (utils/site-rules/blocks.ts).
   * Set by the in-page extractor only: nothing else offers "Remove parts".
   */
  markBlocks?: boolean;
}

/** Roughly a 10 MB page of ordinary markup; beyond this extraction takes seconds and the page is not an article anyway. */
export const DEFAULT_MAX_ELEMENTS = 150_000;
const MAX_EXCERPT_CHARS = 400;
/**
 * About 300,000 words, several novels: no article is that long, and Readability
 * would take seconds over it (a 10 MB page of prose: ~3 s on linkedom, ~8 s on jsdom).
 */
export const MAX_TEXT_CHARS = 2_000_000;
/** Deeper than any parser-built page (Chromium and Firefox cap their HTML parser at 512). */
export const MAX_DEPTH = 512;
/** Text that is more than this share of U+FFFD was decoded with the wrong encoding (or is binary): nothing to read. */
const MAX_REPLACEMENT_SHARE = 0.1;

export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): ExtractionResult {
  try {
    // A frames page's story lives in other documents (a <noframes> note is all there
    // is), so it is refused like an empty page. Browsers make the <frameset> the
    // document.body; linkedom adds an empty <body> beside it, hence the root's children.
    if (!doc?.documentElement || !doc.body || isFramesetPage(doc.documentElement)) {
      return { ok: false, reason: 'not-an-article', detail: 'The document has no body (empty document or frameset)' };
    }
    const maxElements = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
    // One iterative walk for size, depth and text (getElementsByTagName('*') is 0 on linkedom).
    const tree = measureTree(doc.documentElement, MAX_DEPTH, maxElements, MAX_TEXT_CHARS);
    if (tree.elements > maxElements) {
      return { ok: false, reason: 'not-an-article', detail: `Too large to read: more than ${maxElements} elements` };
    }
    if (tree.textChars > MAX_TEXT_CHARS) {
      return { ok: false, reason: 'not-an-article', detail: `Too long to read as one article: more than ${MAX_TEXT_CHARS} characters of text` };
    }
    // Readability and the cleanup passes recurse over the tree: a pathological
    // nesting depth overflows the stack or takes seconds. Browsers' parsers stop
    // nesting at 512, so real pages never come close to the limit.
    if (tree.depth > MAX_DEPTH) {
      return { ok: false, reason: 'not-an-article', detail: `Too deeply nested to read: more than ${MAX_DEPTH} levels` };
    }
    // The person picked this site's article container: that is the detection answer.
    const ruleNamesArticle = !!options.rule?.article && matchCount(doc, options.rule.article) === 1;
    if (!options.force && !ruleNamesArticle) {
      const detection = detectArticle(doc, url);
      if (!detection.isArticle) {
        return { ok: false, reason: 'not-an-article', detail: `Detection: ${detection.signals.join(', ') || 'no article signals'}` };
      }
    }

    // Metadata first, from the untouched document: Readability strips the head's scripts (JSON-LD) from its copy.
    const jsonLd = readJsonLd(doc);
    const baseUrl = baseUrlOf(doc, url);
    const work = options.mutateDocument ? doc : (doc.cloneNode(true) as Document);
    // Readability would remove an <html class="…sidebar…"> and with it the whole document.
    shieldDocumentRoots(work);
    // A page read without running its scripts has a streamed (React) story still hidden.
    revealStreamedSegments(work);
    const ruled = options.rule ? applyBefore(work, options.rule) : null;
    fixLazyImages(work);
    // On the page's copy, before Readability rebuilds some blocks (utils/site-rules/marks.ts).
    const marks = options.markBlocks ? markBlocks(work) : null;
    // Before Readability: a disclosure pop-up can outscore a story split into short blocks (see cleanup/disclosures.ts).
    if (!options.skipCleanup) {
      removeDisclosureBoxes(work);
      carryNosnippet(work);
    }
    const parsed = new Readability(work, {
      maxElemsToParse: maxElements,
      // charThreshold stays at Readability's 500: 250 made it settle on a teaser block on several WCXB pages.
      // Keep the element: the cleanup passes work on it before it is serialised once.
      serializer: (el: Node) => el,
      // Class names are what the name-based cleanup rules read ("author-bio",
      // "share-bar"); Readability would strip them. Folio strips them after cleanup.
      keepClasses: true,
    }).parse();
    const root = parsed?.content as unknown as Element | null | undefined;
    if (!parsed || !root || !normalizeSpace(root.textContent)) {
      return { ok: false, reason: 'not-an-article', detail: 'Readability found no article text' };
    }

    const meta = readMetadata(doc, url, jsonLd, parsed);
    const title = meta.title || normalizeSpace(parsed.title) || normalizeSpace(doc.title);
    if (!options.skipCleanup) {
      runCleanup(root, { doc: work, baseUrl, title, byline: meta.byline }, options.disabledRules);
    }
    // Before classes go: the rule's selectors name them.
    if (ruled && options.rule) {
      const after = applyAfter(root, options.rule);
      options.onRule?.({ used: ruled.used || after > 0, narrowed: ruled.narrowed, removed: ruled.removed + after });
    }
    if (marks) carryMarks(root, marks);
    stripClasses(root);

    const textContent = blockText(root);
    if (!textContent) return { ok: false, reason: 'not-an-article', detail: 'Nothing left after cleanup' };
    const replacements = textContent.match(/\uFFFD/g)?.length ?? 0;
    if (replacements > textContent.length * MAX_REPLACEMENT_SHARE) {
      return { ok: false, reason: 'not-an-article', detail: 'The text is unreadable: mostly undecodable characters (wrong encoding or binary data)' };
    }
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
        // The first-image fallback is in the body already, with its own alt and caption.
        leadImageAlt: meta.leadImage ? meta.leadImageAlt : null,
        leadImageCaption: meta.leadImage ? meta.leadImageCaption : null,
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

function isFramesetPage(root: Element): boolean {
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName.toUpperCase() === 'FRAMESET') return true;
  }
  return false;
}

/** Elements whose text is code or data, not reading matter. */
const NON_TEXT_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Element count, depth and visible-text length of the tree under `root`, in one
 * iterative walk (no recursion, so a 10,000-deep page cannot overflow the stack
 * here). Script, style and template text is not counted (framework pages embed
 * megabytes of JSON). Stops as soon as any limit is passed: the caller only
 * needs "too big or not".
 */
export function measureTree(root: Element, depthLimit: number, elementLimit: number, textLimit = Infinity): { depth: number; elements: number; textChars: number } {
  let deepest = 0;
  let depth = 0; // of `node`, whatever its type
  let elements = 0;
  let textChars = 0;
  let node: Node | null = root;
  while (node) {
    let child: Node | null = null;
    if (node.nodeType === 1) {
      elements++;
      if (depth > deepest) deepest = depth;
      if (deepest > depthLimit || elements > elementLimit || textChars > textLimit) break;
      if (!NON_TEXT_TAGS.has((node as Element).tagName.toUpperCase())) child = node.firstChild;
    } else if (node.nodeType === 3) {
      textChars += (node as Text).data.length;
    }
    if (child) {
      node = child;
      depth++;
      continue;
    }
    // Up until a next sibling exists, then across to it.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return { depth: deepest, elements, textChars };
}

/** What Readability does without keepClasses: page classes mean nothing in the reader (its own "page" wrapper class stays). */
function stripClasses(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('[class]'))) {
    if (el.getAttribute('class') === 'page') continue;
    el.removeAttribute('class');
  }
}

function firstImage(root: Element): string | null {
  const src = root.querySelector('img[src]')?.getAttribute('src');
  return src && /^https?:\/\//i.test(src) ? src : null;
}
