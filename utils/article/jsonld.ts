/**
 * schema.org JSON-LD, flattened. Pages nest their objects in arrays, `@graph`
 * and `mainEntity`; detection and metadata both want "every typed object".
 */

export type JsonLdNode = Record<string, unknown>;

/** Scripts larger than this are skipped: real article JSON-LD is a few kB, and detection must stay cheap. */
const MAX_SCRIPT_CHARS = 300_000;
const MAX_NODES = 200;

export function readJsonLd(doc: Document): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  // By tag name, then the type: an attribute selector is a full selector match per element on Node DOMs.
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    const raw = script.textContent ?? '';
    if (!raw.trim() || raw.length > MAX_SCRIPT_CHARS) continue;
    let parsed: unknown;
    try {
      // Some CMSs wrap the JSON in <!-- --> or CDATA; strip that before parsing.
      parsed = JSON.parse(raw.replace(/^\s*(?:<!--|\/\/<!\[CDATA\[)|(?:-->|\/\/\]\]>)\s*$/g, ''));
    } catch {
      continue;
    }
    collect(parsed, nodes, 0);
    if (nodes.length >= MAX_NODES) break;
  }
  return nodes;
}

function collect(value: unknown, out: JsonLdNode[], depth: number): void {
  if (depth > 6 || out.length >= MAX_NODES || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
    return;
  }
  const node = value as JsonLdNode;
  if ('@type' in node) out.push(node);
  if ('@graph' in node) collect(node['@graph'], out, depth + 1);
  if (node.mainEntity && typeof node.mainEntity === 'object') collect(node.mainEntity, out, depth + 1);
}

/** The node's types as plain names ("NewsArticle", not "schema:NewsArticle"). */
export function typesOf(node: JsonLdNode): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

/** schema.org types that mean "this page is one article". */
export const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicQuestionNewsArticle', 'SatiricalArticle',
  'ScholarlyArticle', 'MedicalScholarlyArticle', 'BlogPosting', 'LiveBlogPosting', 'SocialMediaPosting',
  'DiscussionForumPosting', 'TechArticle', 'APIReference', 'Report', 'AdvertiserContentArticle', 'Review',
  'CriticReview', 'Recipe', 'HowTo',
]);

/** Types that say "this page is a shop item, a list or a site section", not an article. */
export const NON_ARTICLE_TYPES = new Set([
  'Product', 'ProductGroup', 'Offer', 'AggregateOffer', 'IndividualProduct', 'ProductModel', 'Car', 'Vehicle',
  'CollectionPage', 'SearchResultsPage', 'ItemList', 'OfferCatalog', 'ProfilePage', 'RealEstateListing',
  'JobPosting', 'Event', 'SoftwareApplication', 'MobileApplication', 'WebApplication', 'Service',
  'LocalBusiness', 'Store', 'Restaurant', 'Hotel',
]);

export function stringOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return stringOf(value[0]);
  if (value && typeof value === 'object') {
    const obj = value as JsonLdNode;
    return stringOf(obj.name ?? obj.url ?? obj['@value'] ?? null);
  }
  return null;
}
