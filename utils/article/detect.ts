/**
 * "Is this an article?" for the always-on content script. Cheap by design: it
 * must not import Readability (utils/article/extract.ts does, and is loaded only
 * when the user asks for the reader or a save), and it reads each signal with
 * one selector query. It weighs what publishers declare (schema.org, OpenGraph,
 * dates, bylines) and how the page reads (long paragraphs in one place) against
 * the shapes that are not articles: home, section and tag pages full of equal
 * teasers, search results, shops, login and app pages.
 *
 * A learned alternative (detect-model.ts, trained by scripts/train-detector.ts)
 * was judged on the held-back part of the WCXB split for issue #12 and did not
 * beat these rules on false positives (docs/quality.md); it is not shipped.
 */
import { ARTICLE_TYPES, NON_ARTICLE_TYPES, readJsonLd, typesOf } from './jsonld';

export interface Detection {
  isArticle: boolean;
  title: string;
  siteName: string | null;
  /** The summed evidence; ≥ ARTICLE_THRESHOLD means article. */
  score: number;
  /** What was seen, e.g. "jsonld-article", "teasers:24", for logs and the popup's "why". */
  signals: string[];
}

/** The measurable features; exported so tests and the benchmark can show them. */
export const ARTICLE_THRESHOLD = 3;

export interface DetectionFeatures {
  httpPage: boolean;
  path: string;
  jsonLdArticle: boolean;
  jsonLdNonArticle: string | null;
  ogType: string | null;
  publishedMeta: boolean;
  bylineMarkup: boolean;
  timeMarkup: boolean;
  /** readerable-style score: Σ √(len − 140) over paragraphs longer than 140 chars. */
  paragraphScore: number;
  longParagraphs: number;
  /** Characters of text in <p> elements. */
  paragraphChars: number;
  articleElements: number;
  /** Share of the long-paragraph text inside the biggest <article>/<main> (0 when none). */
  dominantShare: number;
  /** Characters of long-paragraph text under one parent or grandparent, the largest such group. */
  topGroupChars: number;
  /** topGroupChars as a share of all long-paragraph text (0 when none). */
  topGroupShare: number;
  /** Headings that are links: the teasers of home, section and tag pages. */
  linkedHeadings: number;
  priceMarkup: boolean;
  addToCart: boolean;
  passwordField: boolean;
  searchPage: boolean;
  listingPath: boolean;
  homePath: boolean;
  /** The URL reads like a story: /news/, /blog/, a date, a long hyphenated slug. */
  articlePath: boolean;
  /** The URL reads like a company page: /services/, /pricing, /about, /contact. */
  servicePath: boolean;
  /** Calls to action: "Get a quote", "Book a demo", "Contact us"… */
  callsToAction: number;
  /** Visible form fields other than search boxes. */
  formFields: number;
  /** Long text blocks inside links (or mostly link text): card teasers, counted with the teasers. */
  linkCards: number;
  /** <button>s: filters, variants, wishlists, carousels; a shop or app UI has a hundred. */
  buttons: number;
}

const MIN_PARAGRAPH = 140;
/** About 100 words: the least prose a story keeps together under one parent. */
const STORY_RUN_CHARS = 600;
/** Enough to read the page's shape; a listing with 5,000 paragraphs needs no more than this to be recognised. */
const MAX_PARAGRAPHS = 1500;

function isHidden(el: Element): boolean {
  // Only what markup says: computed style would force a layout on every page visit.
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || /display:\s*none/i.test(el.getAttribute('style') ?? '');
}

const MAX_BARE_TEXT_HOSTS = 4000;
/** Children of one container read for its own text: prose held as bare text has far fewer. */
const MAX_OWN_CHILDREN = 2000;
/** Teaser grids have dozens of <article>s; the story is in the first few. */
const MAX_MAIN_CONTAINERS = 20;
const INLINE_TAGS = new Set(['A', 'ABBR', 'B', 'BDI', 'BR', 'CITE', 'CODE', 'EM', 'FONT', 'I', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U']);

/**
 * Length of the text an element shows as its own paragraph (its text nodes and inline
 * children, not its blocks), and how much of that is link text.
 */
function ownInlineText(el: Element): [number, number] {
  let len = 0;
  let linked = 0;
  let seen = 0;
  // Bounded: an <article> holding 50,000 paragraphs (the 10 MB benchmark page) is not read child by child.
  for (let child = el.firstChild; child && seen < MAX_OWN_CHILDREN; child = child.nextSibling, seen++) {
    if (child.nodeType === 3) len += (child.nodeValue ?? '').trim().length;
    else if (child.nodeType === 1 && INLINE_TAGS.has((child as Element).tagName.toUpperCase())) {
      const n = (child.textContent ?? '').trim().length;
      len += n;
      if ((child as Element).tagName.toUpperCase() === 'A') linked += n;
    }
  }
  return [len, linked];
}

// Plus what the page itself keeps out of view: aria-hidden subtrees and dialogs (newsletter,
// survey and cookie pop-ups are long prose on shop and listing pages). Not [hidden]: React
// streaming parks the real content in <div hidden> until its script moves it into place.
const BOILERPLATE_CONTAINER = 'nav, footer, aside, header, [role="navigation"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"], dialog, [role="dialog"]';

export function detectionFeatures(doc: Document, url?: string): DetectionFeatures {
  const href = url ?? doc.URL ?? '';
  let path = '/';
  let httpPage: boolean;
  let search = '';
  try {
    const parsed = new URL(href);
    httpPage = parsed.protocol === 'http:' || parsed.protocol === 'https:';
    path = parsed.pathname.toLowerCase();
    search = parsed.search.toLowerCase();
  } catch {
    httpPage = false;
  }

  const jsonLd = readJsonLd(doc);
  let jsonLdArticle = false;
  let jsonLdNonArticle: string | null = null;
  for (const node of jsonLd) {
    for (const type of typesOf(node)) {
      if (ARTICLE_TYPES.has(type)) jsonLdArticle = true;
      // Plus the LocalBusiness family (HVACBusiness, MensClothingStore, ProfessionalService…:
      // hundreds of subtypes, one suffix each) and Course, a catalogue entry for a class.
      else if (NON_ARTICLE_TYPES.has(type) || /(?:Business|Store|Service|Course)$/.test(type)) jsonLdNonArticle ??= type;
    }
  }
  const meta = (sel: string): string | null => doc.querySelector(sel)?.getAttribute('content')?.trim().toLowerCase() || null;
  const ogType = meta('meta[property="og:type"]') ?? meta('meta[name="og:type"]');
  const publishedMeta =
    !!doc.querySelector('meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"], [itemprop="datePublished"], meta[name="pubdate"], meta[name="publish-date"], meta[name="date"]') ||
    jsonLd.some((n) => typeof n.datePublished === 'string');
  const bylineMarkup = !!doc.querySelector('[rel~="author"], [itemprop="author"], .byline, .author, .post-author, .article-author, [class*="byline"], meta[name="author"]');
  const timeMarkup = !!doc.querySelector('article time, main time, time[datetime][pubdate], time[itemprop]');

  // Text blocks, as Readability's readerable test sees them: <p>/<pre>, plus
  // containers that hold their prose as bare text (old CMS pages, <br>-separated
  // paragraphs, text straight inside <article>). For those, only their own
  // inline text counts, so a wrapper is never credited with its <p> children.
  const blocks: Element[] = [];
  const paragraphs = doc.querySelectorAll('p, pre');
  for (let i = 0; i < Math.min(paragraphs.length, MAX_PARAGRAPHS); i++) {
    const p = paragraphs[i];
    if (p) blocks.push(p);
  }
  // Bare text counts where the page itself says "this is the content" (inside
  // <article>/<main>) or where <br>s split it into paragraphs; elsewhere a div
  // full of text is as often a product spec or a footer as prose.
  const bareTextHosts = new Set<Element>();
  const brs = doc.querySelectorAll('div > br, article > br, section > br');
  for (let i = 0; i < Math.min(brs.length, MAX_BARE_TEXT_HOSTS) && bareTextHosts.size < MAX_BARE_TEXT_HOSTS; i++) {
    const parent = brs[i]?.parentElement;
    if (parent) bareTextHosts.add(parent);
  }
  // Per container rather than one "article div, main div" selector: descendant
  // combinators cost (elements × depth) in some DOMs.
  const mains = doc.querySelectorAll('article, main, [role="main"]');
  for (let i = 0; i < Math.min(mains.length, MAX_MAIN_CONTAINERS) && bareTextHosts.size < MAX_BARE_TEXT_HOSTS; i++) {
    const main = mains[i];
    if (!main) continue;
    bareTextHosts.add(main);
    const inner = main.querySelectorAll('div, section');
    for (let j = 0; j < Math.min(inner.length, MAX_BARE_TEXT_HOSTS); j++) {
      const el = inner[j];
      if (el) bareTextHosts.add(el);
    }
  }
  const articles = doc.getElementsByTagName('article');

  let paragraphScore = 0;
  let longParagraphs = 0;
  let paragraphChars = 0;
  let longChars = 0;
  const containers = new Map<Element, number>();
  const groups = new Map<Element, number>();
  let linkCards = 0;
  // `card`: the text is (mostly) inside a link, i.e. a teaser whose whole card points to
  // another page. It still counts as text on the page (as Readability counts it), but as
  // a teaser, not as a paragraph of a story here.
  const credit = (el: Element, len: number, card: boolean): void => {
    paragraphChars += len;
    if (len < MIN_PARAGRAPH || el.closest(BOILERPLATE_CONTAINER)) return;
    longChars += len;
    paragraphScore += Math.sqrt(len - MIN_PARAGRAPH);
    const container = el.closest('article, main, [role="main"]');
    if (container) containers.set(container, (containers.get(container) ?? 0) + len);
    if (card) { linkCards++; return; }
    longParagraphs++;
    // The story's paragraphs are siblings (or cousins, when each sits in its own
    // wrapper); a landing page's or listing's sit one per card or section.
    const parent = el.parentElement;
    if (parent) {
      groups.set(parent, (groups.get(parent) ?? 0) + len);
      const grand = parent.parentElement;
      if (grand) groups.set(grand, (groups.get(grand) ?? 0) + len);
    }
  };
  for (const p of blocks) {
    if (isHidden(p)) continue;
    const len = (p.textContent ?? '').trim().length;
    if (len) credit(p, len, len >= MIN_PARAGRAPH && !!p.closest('a[href]'));
  }
  for (const host of bareTextHosts) {
    if (isHidden(host)) continue;
    const [len, linked] = ownInlineText(host);
    if (len) credit(host, len, linked * 2 > len);
  }
  let dominant = 0;
  for (const chars of containers.values()) dominant = Math.max(dominant, chars);
  const dominantShare = longChars ? Math.min(1, dominant / longChars) : 0;
  let topGroup = 0;
  for (const chars of groups.values()) topGroup = Math.max(topGroup, chars);

  const articleElements = articles.length;
  const linkedHeadings = doc.querySelectorAll('h2 a[href], h3 a[href], h4 a[href], a[href] h2, a[href] h3, a[href] h4').length;

  const priceMarkup =
    !!doc.querySelector('[itemprop="price"], meta[property="product:price:amount"], meta[property="og:price:amount"], [itemtype*="schema.org/Product" i], [itemtype*="schema.org/Offer" i]') ||
    ogType?.startsWith('product') === true || ogType === 'og:product';
  let addToCart = !!doc.querySelector('[name="add-to-cart"], [class*="add-to-cart" i], [id*="add-to-cart" i], [class*="addtocart" i], [data-action*="add-to-cart" i], form[action*="/cart/add"]');
  if (!addToCart) {
    const buttons = doc.querySelectorAll('button, input[type="submit"]');
    for (let i = 0; i < Math.min(buttons.length, 150); i++) {
      const b = buttons[i];
      const label = `${b?.textContent ?? ''} ${b?.getAttribute('value') ?? ''}`;
      if (/\b(?:add to (?:cart|bag|basket|trolley)|buy now|in den warenkorb|ajouter au panier)\b/i.test(label)) {
        addToCart = true;
        break;
      }
    }
  }
  const passwordField = !!doc.querySelector('input[type="password"]');
  const searchPage =
    /(?:^|\/)(?:search|suche|recherche|buscar|results)(?:\/|$|\.)/.test(path) ||
    /[?&](?:q|s|query|search|keyword|keywords|k)=/.test(search) ||
    jsonLd.some((n) => typesOf(n).includes('SearchResultsPage'));
  const listingPath = /\/(?:tags?|category|categories|topics?|sections?|authors?|archives?|page\/\d+|collections?|shop|products?|store|catalog|blog)\/?$/.test(path) ||
    /\/(?:tag|tags|category|categories|topic|topics|author|section|collections?)\/[^/]+\/?$/.test(path);
  const homePath = /^\/(?:index\.\w+|home|[a-z]{2}(?:-[a-z]{2})?)?\/?$/.test(path);

  const slug = path.split('/').filter(Boolean).pop() ?? '';
  // ("features" is left out: on company sites it is the product tour as often as a magazine section.)
  const storySection = /\/(?:news|blogs?|articles?|story|stories|posts?|insights?|guides?|opinion|magazine|reviews?|learn|resources?|recipes?)\//.test(path);
  const articlePath =
    storySection ||
    /\/(?:19|20)\d{2}\/\d{1,2}\//.test(path) || /(?:19|20)\d{2}-\d{2}-\d{2}/.test(path) ||
    // A headline slug has five or more plain words; product slugs are model codes ("s9", "128gb", "sm-x510").
    slug.replace(/\.\w+$/, '').split(/[-_]/).filter((w) => /^[a-z]+$/.test(w)).length >= 5 && !/\d/.test(slug.replace(/(?:19|20)\d{2}/g, ''));
  // A company's blog lives under its company pages (/company/blog/…, /about/blog/…): below a
  // story section the path names the story, not a service.
  const servicePath = !storySection && /\/(?:services?|solutions?|pricing|plans|about(?:-us)?|contact(?:-us)?|careers?|jobs|products?|features|platform|industries|company|why-[\w-]+|book|shop|store)(?:\/|$|\.)/.test(path);
  let callsToAction = 0;
  const actions = doc.querySelectorAll('a[href], button');
  for (let i = 0; i < Math.min(actions.length, 600); i++) {
    const text = actions[i]?.textContent ?? '';
    if (text.length < 40 && /\b(?:get (?:a |your )?(?:free )?(?:quote|estimate|started|demo)|book (?:a |your )?(?:call|demo|consultation|appointment|now)|request (?:a |your )?(?:demo|quote|consultation|call)|contact (?:us|sales)|schedule (?:a |your )?|free (?:trial|consultation)|call (?:us|now)|sign up free|talk to (?:us|sales|an expert)|start (?:your |a )?free)\b/i.test(text)) callsToAction++;
  }
  const formFields = doc.querySelectorAll('input:not([type="hidden"]):not([type="search"]):not([type="submit"]):not([type="button"]):not([type="checkbox"]):not([name="s"]):not([name="q"]), textarea, select').length;

  return {
    articlePath, servicePath, callsToAction, formFields, buttons: doc.getElementsByTagName('button').length,
    httpPage, path, jsonLdArticle, jsonLdNonArticle, ogType, publishedMeta, bylineMarkup, timeMarkup, paragraphScore,
    longParagraphs, paragraphChars, articleElements, dominantShare, topGroupChars: topGroup, topGroupShare: longChars ? topGroup / longChars : 0, linkedHeadings, priceMarkup, addToCart, passwordField,
    searchPage, listingPath, homePath, linkCards,
  };
}

/**
 * The hand rules: round weights set on the development corpora (docs/quality.md), never per site.
 * Their sum is also one input of the (unshipped) learned model.
 */
export function scoreFeatures(f: DetectionFeatures): { score: number; signals: string[] } {
  const signals: string[] = [];
  let score = 0;
  const add = (points: number, signal: string): void => {
    score += points;
    signals.push(`${signal}(${points >= 0 ? '+' : ''}${points})`);
  };

  // How the page reads: Readability's readerable test (score 20) is the base evidence.
  if (f.paragraphScore >= 20) add(3, 'readerable');
  if (f.paragraphScore < 10) add(-1, 'little-text');
  // Readerable-scoring text with no run of ~100 words under one parent is a grid of
  // blurbs (cards, features, product tiles), not a story told in paragraphs.
  if (f.paragraphScore >= 20 && f.topGroupChars < STORY_RUN_CHARS) add(-1, 'fragments');

  // What the publisher declares. (article:published_time alone earned nothing on the corpora:
  // many CMSs stamp it on every page, services and shops included.)
  if (f.jsonLdArticle) add(3, 'jsonld-article');
  if (f.ogType === 'article') add(2, 'og-article');
  if (f.bylineMarkup) add(1, 'byline');
  if (f.timeMarkup) add(1, 'time');
  if (f.dominantShare >= 0.6) add(1, 'dominant-article');
  if (f.articlePath) add(2.5, 'article-url');

  // What says "not one article".
  if (f.jsonLdNonArticle && !f.jsonLdArticle) add(-4.5, `jsonld-${f.jsonLdNonArticle}`);
  if (f.priceMarkup) add(-2.5, 'price');
  if (f.addToCart) add(-3, 'add-to-cart');
  if (f.passwordField && f.paragraphScore < 60) add(-3, 'login');
  if (f.searchPage) add(-3, 'search');
  if (f.homePath) add(-4, 'home');
  if (f.listingPath) add(-1.5, 'listing-path');
  if (f.servicePath) add(-5, 'service-url');
  // A page of ~100 controls is an application or a shop grid (filters, swatches, quantity
  // steppers); of the 272 WCXB and readability-test articles the most had 87, nine in ten under 30.
  if (f.buttons + f.formFields >= 100) add(-2, `controls:${f.buttons + f.formFields}`);
  if (f.callsToAction >= 2) add(-2.5, `calls-to-action:${f.callsToAction}`);
  const teasers = Math.max(f.linkedHeadings, f.articleElements > 1 ? f.articleElements : 0, f.linkCards);
  if (teasers >= 6 && teasers > f.longParagraphs) add(-2.5, `teasers:${teasers}`);
  return { score, signals };
}

export function detectArticle(doc: Document, url?: string): Detection {
  const siteName = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content')?.trim() || null;
  const title = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() || (doc.title ?? '').trim();
  const href = url ?? doc.URL ?? '';
  // Zero work on what is not an http(s) document (PDF viewers, file:, extension pages, framesets).
  if (!/^https?:/i.test(href) || !doc.body || doc.body.tagName.toUpperCase() !== 'BODY') {
    return { isArticle: false, title, siteName, score: 0, signals: ['not-an-http-document'] };
  }
  const { score, signals } = scoreFeatures(detectionFeatures(doc, href));
  return { isArticle: score >= ARTICLE_THRESHOLD, title, siteName, score, signals };
}
