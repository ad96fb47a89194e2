import { describe, expect, it } from 'vitest';
import { cleanUrl, isTrackingParam, parseHttpUrl, siteLabel, urlKey } from '@/utils/url';

describe('cleanUrl', () => {
  it('removes tracking parameters and the fragment, keeps parameters that identify the page', () => {
    expect(cleanUrl('https://news.example/story?id=42&utm_source=nl&utm_medium=email&fbclid=X&gclid=Y#top')).toBe('https://news.example/story?id=42');
    expect(cleanUrl('https://news.example/story?mc_cid=1&mc_eid=2&igshid=3&ref_src=twsrc')).toBe('https://news.example/story');
    expect(cleanUrl('https://news.example/search?q=utm_source&page=2')).toBe('https://news.example/search?q=utm_source&page=2');
  });

  it('refuses anything but http(s)', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'chrome://settings', 'not a url', '']) {
      expect(cleanUrl(bad)).toBeNull();
    }
  });
});

describe('urlKey', () => {
  it('is the same for scheme, www, tracking, fragment and parameter-order variants', () => {
    const key = urlKey('https://www.News.example/a?b=2&a=1&utm_campaign=x#c');
    expect(urlKey('http://news.example/a?a=1&b=2')).toBe(key);
    expect(key).toBe('news.example/a?a=1&b=2');
  });

  it('keeps distinct articles distinct', () => {
    expect(urlKey('https://news.example/a?id=1')).not.toBe(urlKey('https://news.example/a?id=2'));
    expect(urlKey('https://news.example:8080/a')).not.toBe(urlKey('https://news.example/a'));
  });
});

it('parseHttpUrl resolves against a base and refuses huge or non-http input', () => {
  expect(parseHttpUrl('/img/a.png', 'https://news.example/story/')?.href).toBe('https://news.example/img/a.png');
  expect(parseHttpUrl('https://x.example/' + 'a'.repeat(9000))).toBeNull();
  expect(parseHttpUrl(undefined)).toBeNull();
});

it('isTrackingParam knows the families, case-insensitively', () => {
  expect(['UTM_Source', 'utm_content', 'pk_campaign', 'fbclid', 'MC_EID'].every(isTrackingParam)).toBe(true);
  expect(['id', 'page', 'q', 'article'].some(isTrackingParam)).toBe(false);
});

it('siteLabel drops www', () => {
  expect(siteLabel('https://www.theedgesingapore.com/news/x')).toBe('theedgesingapore.com');
});
