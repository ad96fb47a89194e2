/** The share window's query string: what "Share selection…" writes is what the page reads, and only http(s) pages. */
import { describe, expect, it } from 'vitest';
import { sharePageUrl, shareTargetFromSearch } from '../../utils/share-page';

describe('share page URL', () => {
  it('round-trips the page, title, site and quote', () => {
    const target = { url: 'https://a.example/x?y=1&z=2', title: 'A & B #1', siteName: 'Site', quote: 'line one\nline two 100%' };
    const url = sharePageUrl('chrome-extension://id/share.html', target);
    expect(shareTargetFromSearch(new URL(url).search)).toEqual(target);
  });

  it('refuses a non-http(s) page and caps huge fields', () => {
    expect(shareTargetFromSearch('?url=javascript:alert(1)&title=x')).toBeNull();
    expect(shareTargetFromSearch('?title=x')).toBeNull();
    const target = shareTargetFromSearch(`?url=https://a.example/&quote=${'q'.repeat(10_000)}`)!;
    expect(target.quote).toHaveLength(4000);
    expect(target.siteName).toBeNull();
  });
});
