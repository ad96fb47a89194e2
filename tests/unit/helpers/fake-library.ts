/**
 * An in-memory LibraryRepository for the library page's model tests: the
 * contract of utils/library/types.ts with none of IndexedDB. Search is a
 * simple word/prefix match (the real index ranks, expands typos and stems);
 * tests that need a particular ranking set `searchAnswer`.
 */
import type {
  ArticleAsset, ArticleBody, ArticleMeta, LibraryRepository, SearchResult, StatePatch, StorageUsage,
} from '@/utils/library/types';

let serial = 0;

/** A valid ArticleMeta; override what a test is about. */
export function makeMeta(overrides: Partial<ArticleMeta> = {}): ArticleMeta {
  const id = overrides.id ?? `a${++serial}`;
  const url = overrides.url ?? `https://news.example/${id}`;
  const title = overrides.title ?? `Story ${id}`;
  return {
    id,
    urlKey: url.replace(/^https?:\/\//, ''),
    url,
    canonicalUrl: url,
    title,
    titleKey: title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
    byline: null,
    siteName: 'News Example',
    siteKey: new URL(url).hostname.replace(/^www\./, ''),
    publishedTime: null,
    modifiedTime: null,
    lang: 'en',
    dir: 'ltr',
    leadImage: null,
    leadImageAlt: null,
    leadImageCaption: null,
    excerpt: null,
    wordCount: 600,
    readingTimeMinutes: 3,
    savedAt: 1_000,
    updatedAt: 1_000,
    tags: [],
    origin: 'web',
    images: { stored: 0, skipped: 0, bytes: 0 },
    ...overrides,
  };
}

export type RepoCall = { method: keyof LibraryRepository; args: unknown[] };

export class FakeLibrary implements LibraryRepository {
  readonly metas = new Map<string, ArticleMeta>();
  readonly bodies = new Map<string, string>();
  readonly assets = new Map<string, Blob>();
  readonly calls: RepoCall[] = [];
  /** When set, search() answers this instead of matching. */
  searchAnswer: SearchResult | null = null;
  /** When set, the named method rejects with this error. */
  failing: Partial<Record<keyof LibraryRepository, Error>> = {};
  usageAnswer: StorageUsage = { usedBytes: 13_002_342, quotaBytes: 2_254_857_830, persisted: false };

  constructor(metas: ArticleMeta[] = [], bodies: Record<string, string> = {}) {
    for (const m of metas) this.metas.set(m.id, structuredClone(m));
    for (const [id, text] of Object.entries(bodies)) this.bodies.set(id, text);
  }

  private record(method: keyof LibraryRepository, args: unknown[]): void {
    this.calls.push({ method, args: structuredClone(args) });
    const failure = this.failing[method];
    if (failure) throw failure;
  }

  callsOf(method: keyof LibraryRepository): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private newestFirst(): ArticleMeta[] {
    return [...this.metas.values()].sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : 1));
  }

  async listRecent(limit: number): Promise<ArticleMeta[]> {
    this.record('listRecent', [limit]);
    return structuredClone(this.newestFirst().slice(0, limit));
  }

  async listAll(): Promise<ArticleMeta[]> {
    this.record('listAll', []);
    return structuredClone(this.newestFirst());
  }

  async getMeta(id: string): Promise<ArticleMeta | undefined> {
    this.record('getMeta', [id]);
    const m = this.metas.get(id);
    return m && structuredClone(m);
  }

  async getBody(id: string): Promise<ArticleBody | undefined> {
    this.record('getBody', [id]);
    const text = this.bodies.get(id);
    return text === undefined ? undefined : { id, content: `<p>${text}</p>`, textContent: text, contentHash: 'h', extractorVersion: 1 };
  }

  async getAssets(articleId: string): Promise<ArticleAsset[]> {
    this.record('getAssets', [articleId]);
    const blob = this.assets.get(articleId);
    const meta = this.metas.get(articleId);
    return blob && meta?.leadImage ? [{ articleId, url: meta.leadImage, blob, type: blob.type, bytes: blob.size }] : [];
  }

  async getLeadAsset(meta: ArticleMeta): Promise<ArticleAsset | undefined> {
    this.record('getLeadAsset', [meta.id]);
    const blob = this.assets.get(meta.id);
    return blob && meta.leadImage ? { articleId: meta.id, url: meta.leadImage, blob, type: blob.type, bytes: blob.size } : undefined;
  }

  async updateState(ids: string[], patch: StatePatch): Promise<void> {
    this.record('updateState', [ids, patch]);
    for (const id of ids) {
      const m = this.metas.get(id);
      if (!m) continue;
      for (const key of ['readAt', 'archivedAt', 'favoritedAt', 'progress'] as const) {
        if (!(key in patch)) continue;
        const value = patch[key];
        if (value === null || value === undefined) delete m[key];
        else m[key] = value;
      }
      m.updatedAt += 1;
    }
  }

  async addTags(ids: string[], tags: string[]): Promise<void> {
    this.record('addTags', [ids, tags]);
    for (const id of ids) {
      const m = this.metas.get(id);
      if (m) m.tags = [...new Set([...m.tags, ...tags])];
    }
  }

  async removeTags(ids: string[], tags: string[]): Promise<void> {
    this.record('removeTags', [ids, tags]);
    for (const id of ids) {
      const m = this.metas.get(id);
      if (m) m.tags = m.tags.filter((t) => !tags.includes(t));
    }
  }

  async renameTag(from: string, to: string): Promise<number> {
    this.record('renameTag', [from, to]);
    let n = 0;
    for (const m of this.metas.values()) {
      if (!m.tags.includes(from)) continue;
      m.tags = [...new Set(m.tags.map((t) => (t === from ? to : t)))];
      n++;
    }
    return n;
  }

  async deleteArticles(ids: string[]): Promise<void> {
    this.record('deleteArticles', [ids]);
    for (const id of ids) {
      this.metas.delete(id);
      this.bodies.delete(id);
      this.assets.delete(id);
    }
  }

  async repair(ids: string[]): Promise<number> {
    this.record('repair', [ids]);
    let fixed = 0;
    for (const id of ids) {
      const m = this.metas.get(id);
      if (!m?.damaged) continue;
      delete m.damaged;
      fixed++;
    }
    return fixed;
  }

  async search(query: string): Promise<SearchResult> {
    this.record('search', [query]);
    if (this.searchAnswer) return structuredClone(this.searchAnswer);
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const hits: SearchResult['hits'] = [];
    const terms = new Set<string>();
    for (const m of this.newestFirst()) {
      const text = `${m.title} ${m.byline ?? ''} ${m.siteName ?? ''} ${m.tags.join(' ')} ${this.bodies.get(m.id) ?? ''}`.toLowerCase();
      const tokens = text.split(/[^\p{L}\p{N}]+/u);
      let score = 0;
      for (const w of words) {
        const matched = tokens.filter((t) => t.startsWith(w));
        if (matched.length === 0) { score = 0; break; }
        for (const t of matched) terms.add(t);
        score += matched.length;
      }
      if (score > 0) hits.push({ id: m.id, score });
    }
    hits.sort((a, b) => b.score - a.score);
    return { hits, terms: [...terms] };
  }

  async usage(): Promise<StorageUsage> {
    this.record('usage', []);
    return { ...this.usageAnswer };
  }
}

/** A BroadcastChannel stand-in: every channel made by one hub hears the others, never itself. */
export class FakeChannelHub {
  readonly channels: FakeChannel[] = [];
  readonly posted: unknown[] = [];
  create = (name: string): FakeChannel => {
    const channel = new FakeChannel(name, this);
    this.channels.push(channel);
    return channel;
  };
  deliver(from: FakeChannel | null, data: unknown): void {
    if (from) this.posted.push(data);
    for (const c of this.channels) if (c !== from && !c.closed) c.onmessage?.({ data } as MessageEvent);
  }
}

export class FakeChannel {
  onmessage: ((event: MessageEvent) => void) | null = null;
  closed = false;
  constructor(readonly name: string, private readonly hub: FakeChannelHub) {}
  postMessage(data: unknown): void {
    if (!this.closed) this.hub.deliver(this, structuredClone(data));
  }
  close(): void {
    this.closed = true;
  }
}
