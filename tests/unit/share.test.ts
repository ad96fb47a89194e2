/** Share links: only clean http(s) URLs leave Folio, always fully encoded. */
import { describe, expect, it } from 'vitest';
import { SHARE_TARGETS, shareData, shareLinks, shareText, shareUrl } from '../../utils/share';

const hrefOf = (links: ReturnType<typeof shareLinks>, id: string) => new URL(links.find((l) => l.id === id)!.href);

describe('shareLinks', () => {
  it('builds a link for every target with its i18n label', () => {
    const links = shareLinks({ url: 'https://news.example.com/a', title: 'Title', siteName: 'Site' });
    expect(links.map((l) => [l.id, l.label])).toEqual([
      ['whatsapp', 'shareWhatsApp'],
      ['facebook', 'shareFacebook'],
      ['linkedin', 'shareLinkedIn'],
      ['x', 'shareX'],
      ['telegram', 'shareTelegram'],
      ['reddit', 'shareReddit'],
      ['email', 'shareEmail'],
    ]);
    expect(hrefOf(links, 'x').origin).toBe('https://x.com');
    expect(hrefOf(links, 'x').searchParams.get('text')).toBe('Title — Site');
    expect(hrefOf(links, 'x').searchParams.get('url')).toBe('https://news.example.com/a');
    expect(hrefOf(links, 'telegram').origin).toBe('https://t.me');
    expect(hrefOf(links, 'telegram').searchParams.get('url')).toBe('https://news.example.com/a');
    expect(hrefOf(links, 'telegram').searchParams.get('text')).toBe('Title — Site');
    expect(hrefOf(links, 'reddit').origin).toBe('https://www.reddit.com');
    expect(hrefOf(links, 'reddit').searchParams.get('url')).toBe('https://news.example.com/a');
    expect(hrefOf(links, 'reddit').searchParams.get('title')).toBe('Title — Site');
    const mail = links.find((l) => l.id === 'email')!.href;
    expect(mail).toBe('mailto:?subject=Title%20%E2%80%94%20Site&body=Title%20%E2%80%94%20Site%0A%0Ahttps%3A%2F%2Fnews.example.com%2Fa');
    expect(hrefOf(links, 'whatsapp').origin).toBe('https://wa.me');
    expect(hrefOf(links, 'whatsapp').searchParams.get('text')).toBe('Title — Site\nhttps://news.example.com/a');
    expect(hrefOf(links, 'facebook').href).toBe(
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example.com%2Fa',
    );
    expect(hrefOf(links, 'linkedin').searchParams.get('url')).toBe('https://news.example.com/a');
  });

  it('shares the clean URL: tracking parameters and fragment removed', () => {
    const links = shareLinks({ url: 'https://news.example.com/a?id=3&utm_source=x&fbclid=y#comments', title: 'T' });
    expect(hrefOf(links, 'facebook').searchParams.get('u')).toBe('https://news.example.com/a?id=3');
  });

  it('encodes &, #, %, + and spaces in titles and URLs so nothing leaks into other parameters', () => {
    const links = shareLinks({
      url: 'https://news.example.com/a?q=1&r=50%25',
      title: 'Profits & losses #1: 100% up + more',
      siteName: null,
    });
    for (const link of links) {
      const url = new URL(link.href);
      const expected = { x: 2, telegram: 2, reddit: 2, email: 2 }[link.id as string] ?? 1;
      expect([...url.searchParams.keys()]).toHaveLength(expected);
      expect(link.href).not.toMatch(/[ #\n]/);
    }
    const text = hrefOf(links, 'whatsapp').searchParams.get('text');
    expect(text).toBe('Profits & losses #1: 100% up + more\nhttps://news.example.com/a?q=1&r=50%25');
    expect(hrefOf(links, 'linkedin').searchParams.get('url')).toBe('https://news.example.com/a?q=1&r=50%25');
  });

  it('keeps emoji and non-Latin text intact', () => {
    const text = hrefOf(shareLinks({ url: 'https://x.example/', title: '🚀 Launch — 東京 مرحبا' }), 'whatsapp').searchParams.get('text');
    expect(text).toBe('🚀 Launch — 東京 مرحبا\nhttps://x.example/');
  });

  it('flattens newlines and control characters in titles to single spaces', () => {
    expect(shareText('Line one\r\nline\ttwo\u0000\u2028three', '  The\nSite ')).toBe('Line one line two three — The Site');
  });

  it('refuses javascript:, data:, file: and extension URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'chrome-extension://abc/reader.html',
      'not a url',
      '',
    ]) {
      expect(shareLinks({ url, title: 'T' })).toEqual([]);
    }
  });

  it('leaves the site out when the title already names it, and caps very long titles', () => {
    expect(shareText('Big news | The Ledger', 'The Ledger')).toBe('Big news | The Ledger');
    expect(shareText('', 'Site')).toBe('Site');
    const long = shareText('x'.repeat(1000));
    expect([...long]).toHaveLength(300);
    expect(long.endsWith('…')).toBe(true);
  });

  it('every target produces an https link to its own service (email: a mailto: draft)', () => {
    for (const target of SHARE_TARGETS) {
      const href = target.build('https://a.example/', 'text');
      expect(new URL(href).protocol).toBe(target.id === 'email' ? 'mailto:' : 'https:');
    }
  });
});

/** Decodes every parameter of every link back: what each service will actually receive. */
function received(links: ReturnType<typeof shareLinks>): Record<string, string[]> {
  return Object.fromEntries(
    links.map((l) => {
      const url = new URL(l.href);
      return [l.id, [...url.searchParams.values()]];
    }),
  );
}

describe('shareLinks with hostile titles and URLs', () => {
  const HOSTILE_TITLE = 'A&b=c #tag 100% %41 \n\r\nnext\u200F\u202Eevil\u202C 🚀 ?x=1&url=https://evil.example';

  it('a title cannot add, replace or end parameters of any link', () => {
    const links = shareLinks({ url: 'https://news.example.com/a?id=7', title: HOSTILE_TITLE, siteName: 'S&P' });
    for (const link of links) {
      const url = new URL(link.href);
      expect(url.hash).toBe('');
      expect(url.searchParams.getAll('url').every((u) => u === 'https://news.example.com/a?id=7')).toBe(true);
      expect(link.href).not.toMatch(/[\s#]/u);
    }
    const got = received(links);
    // Newlines became spaces; % and & survive literally; emoji and direction marks are kept as text, not dropped.
    expect(got.x![0]).toBe('A&b=c #tag 100% %41 next\u200F\u202Eevil\u202C 🚀 ?x=1&url=https://evil.example — S&P');
  });

  it('URLs with &, #, %, encoded and non-ASCII parts are shared exactly once and intact', () => {
    const url = 'https://news.example.com/path%20x/ü?q=a%26b&n=%E2%9C%93&utm_medium=social#frag';
    const links = shareLinks({ url, title: 'T' });
    const expected = 'https://news.example.com/path%20x/%C3%BC?q=a%26b&n=%E2%9C%93';
    expect(hrefOf(links, 'facebook').searchParams.get('u')).toBe(expected);
    expect(hrefOf(links, 'reddit').searchParams.get('url')).toBe(expected);
    expect(hrefOf(links, 'whatsapp').searchParams.get('text')).toBe(`T\n${expected}`);
  });

  it('refuses javascript: in every spelling, and anything that is not http(s)', () => {
    for (const url of ['JavaScript:alert(1)', 'java\tscript:alert(1)', '\u0000javascript:alert(1)', 'vbscript:x', 'mailto:a@b.c', 'ftp://x/']) {
      expect(shareLinks({ url, title: 'T' })).toEqual([]);
      expect(shareUrl({ url })).toBeNull();
      expect(shareData({ url, title: 'T' })).toBeNull();
    }
  });

  it('strips tracking parameters and keeps the ones that identify the article', () => {
    const url =
      'https://news.example.com/story?id=42&page=2&utm_source=tw&utm_campaign=x&fbclid=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=twsrc&article=9';
    expect(shareUrl({ url })).toBe('https://news.example.com/story?id=42&page=2&article=9');
  });
});

describe('sharing a quote', () => {
  const target = { url: 'https://news.example.com/a?utm_source=x', title: 'Talks resume', siteName: 'Ledger', quote: 'very constructive, long-term & fair' };

  it('links to the passage with a text fragment and quotes it in the text', () => {
    const url = shareUrl(target)!;
    expect(url).toBe('https://news.example.com/a#:~:text=very%20constructive%2C%20long%2Dterm%20%26%20fair');
    const links = shareLinks(target);
    expect(hrefOf(links, 'x').searchParams.get('url')).toBe(url);
    expect(hrefOf(links, 'x').searchParams.get('text')).toBe('“very constructive, long-term & fair” — Talks resume — Ledger');
    // The fragment's own # is encoded inside the parameter, never a fragment of the share link.
    expect(hrefOf(links, 'facebook').hash).toBe('');
  });

  it('clips a very long quote in the text but still links to the whole passage', () => {
    const quote = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const text = shareText('Title', null, quote);
    expect([...text].length).toBeLessThanOrEqual(300);
    expect(text.startsWith('“word0 word1')).toBe(true);
    expect(shareUrl({ url: 'https://a.example/', quote })).toBe('https://a.example/#:~:text=word0%20word1%20word2%20word3%20word4,word115%20word116%20word117%20word118%20word119');
  });

  it('gives navigator.share a title, text and the clean URL', () => {
    expect(shareData({ url: 'https://a.example/x?fbclid=1', title: 'T\nitle', siteName: 'S' })).toEqual({
      title: 'T itle',
      text: 'T itle — S',
      url: 'https://a.example/x',
    });
  });
});
