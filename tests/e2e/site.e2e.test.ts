/**
 * The sample site and its server: the story text in sample.ts really is the text of
 * article.html, the widget strings really are on the page (so "none leaked" means
 * something), and close() really takes the site offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startSiteServer, type SiteServer } from './harness/server';
import { STORY_PARAGRAPHS, WIDGET_STRINGS, normaliseText, readSampleArticleHtml } from './harness/sample';

function get(url: string, freshConnection = false): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    // Node 20's global agent keeps connections alive; `agent: false` opens a new one.
    const req = request(url, freshConnection ? { agent: false } : {}, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Text of the HTML with tags dropped and the few entities the fixture uses decoded. */
function htmlText(html: string): string {
  return normaliseText(html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&'));
}

describe('sample site', () => {
  let server: SiteServer;
  beforeAll(async () => {
    server = await startSiteServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('holds every story paragraph verbatim, in order, each in its own <p>', () => {
    const html = readSampleArticleHtml();
    let from = 0;
    for (const paragraph of STORY_PARAGRAPHS) {
      const at = html.indexOf(`<p>${paragraph}</p>`, from);
      expect(at, paragraph.slice(0, 40)).toBeGreaterThan(-1);
      from = at;
    }
  });

  it('carries every widget string the reader must drop', () => {
    const text = htmlText(readSampleArticleHtml());
    for (const widget of WIDGET_STRINGS) expect(text, widget).toContain(widget);
  });

  it('serves pages and assets from 127.0.0.1 with content types', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const article = await get(server.url('article.html'));
    expect(article.status).toBe(200);
    expect(article.type).toBe('text/html; charset=utf-8');
    expect(article.body).toContain('"@type": "NewsArticle"');
    expect((await get(server.url('/site.css'))).type).toMatch(/^text\/css/);
    expect((await get(server.url('/site.js'))).type).toMatch(/^text\/javascript/);
    expect((await get(server.url('/lead.svg'))).type).toBe('image/svg+xml');
    expect((await get(server.url('/missing.html'))).status).toBe(404);
    expect((await get(server.url('/../package.json'))).status).not.toBe(200);
  });

  it('serves routes added in memory', async () => {
    server.addRoute('/hostile/one.html', '<!doctype html><title>x</title><p>hello</p>');
    const page = await get(server.url('hostile/one.html'));
    expect(page.body).toContain('<p>hello</p>');
    expect(page.type).toBe('text/html; charset=utf-8');
  });

  it('keeps the home page free of long paragraphs (it is a list of teasers)', async () => {
    const home = await get(server.url('home.html'));
    const paragraphs = [...home.body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => htmlText(m[1] ?? ''));
    expect(paragraphs.length).toBeGreaterThan(12);
    for (const p of paragraphs) expect(p.length, p).toBeLessThan(140);
    expect(home.body).not.toContain('NewsArticle');
  });

  it('stops serving, even with a keep-alive connection open, once closed', async () => {
    const other = await startSiteServer();
    await get(other.url('article.html')); // leaves a keep-alive socket open
    await other.close();
    await expect(get(other.url('article.html'), true)).rejects.toThrow(/ECONNREFUSED/);
    await other.close(); // twice is fine
  });
});
