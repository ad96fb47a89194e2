import { describe, expect, it } from 'vitest';
import { acceptedCanonical, identityKeys, sameSite } from '@/utils/library/identity';
import { imageUrlsOf } from '@/utils/library/image-urls';

describe('article identity', () => {
  it('same site is the registrable domain, public suffixes respected', () => {
    expect(sameSite('https://m.news.example.co.uk/a', 'https://www.news.example.co.uk/b')).toBe(true);
    expect(sameSite('https://a.co.uk/x', 'https://b.co.uk/x')).toBe(false);
    expect(sameSite('https://user.github.io/x', 'https://other.github.io/x')).toBe(false);
    expect(sameSite('http://127.0.0.1:8080/a', 'http://127.0.0.1:9090/b')).toBe(true);
    expect(sameSite('http://127.0.0.1/a', 'http://127.0.0.2/b')).toBe(false);
  });

  it('accepts a same-site canonical and falls back to the address otherwise', () => {
    expect(acceptedCanonical('https://amp.paper.example/s', 'https://paper.example/s')).toBe('https://paper.example/s');
    expect(acceptedCanonical('https://evil.example/s', 'https://paper.example/s')).toBe('https://evil.example/s');
    expect(acceptedCanonical('https://paper.example/s', 'javascript:alert(1)')).toBe('https://paper.example/s');
    expect(identityKeys('https://amp.paper.example/s?utm_source=x', 'https://paper.example/s')).toEqual(['paper.example/s', 'amp.paper.example/s']);
  });
});

describe('image URLs of stored HTML', () => {
  it('reads every img src once, decoded and absolute, skipping non-http ones', () => {
    const html = '<p><img alt="a" src="https://i.example/a.jpg?w=1&amp;h=2"></p><img src="https://i.example/a.jpg?w=1&amp;h=2"><img src="data:image/png;base64,xx"><IMG SRC="http://i.example/b.png">';
    expect(imageUrlsOf(html)).toEqual(['https://i.example/a.jpg?w=1&h=2', 'http://i.example/b.png']);
  });
});
