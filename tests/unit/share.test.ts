/** Share links: only clean http(s) URLs leave Folio, always fully encoded. */
import { describe, expect, it } from 'vitest';
import { SHARE_TARGETS, shareLinks, shareText } from '../../utils/share';

const hrefOf = (links: ReturnType<typeof shareLinks>, id: string) => new URL(links.find((l) => l.id === id)!.href);

describe('shareLinks', () => {
  it('builds WhatsApp, Facebook and LinkedIn links with i18n labels', () => {
    const links = shareLinks({ url: 'https://news.example.com/a', title: 'Title', siteName: 'Site' });
    expect(links.map((l) => [l.id, l.label])).toEqual([
      ['whatsapp', 'shareWhatsApp'],
      ['facebook', 'shareFacebook'],
      ['linkedin', 'shareLinkedIn'],
    ]);
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
      expect([...url.searchParams.keys()]).toHaveLength(1);
      expect(link.href).not.toMatch(/[ #]/);
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

  it('every target produces an https link to its own service', () => {
    for (const target of SHARE_TARGETS) {
      const href = target.build('https://a.example/', 'text');
      expect(new URL(href).protocol).toBe('https:');
    }
  });
});
