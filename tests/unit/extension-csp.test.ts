/**
 * The extension pages' CSP (utils/extension-csp.ts): the second wall behind the
 * sanitiser. Pins what the pages may load, and that it still allows what Folio
 * itself needs: saved images as blob: URLs, unsaved ones from the web, the
 * background's fetch of a linked page.
 */
import { describe, expect, it } from 'vitest';
import { extensionPagesCsp } from '../../utils/extension-csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!, values]),
  );
}

describe('extension pages CSP', () => {
  const csp = directives(extensionPagesCsp('build'));

  it('keeps script, object, base and form locked to Folio', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('lets images come from the web, blob: (saved articles) and data:, and nothing else load media or frames', () => {
    expect(csp.get('img-src')).toEqual(["'self'", 'https:', 'http:', 'data:', 'blob:']);
    expect(csp.get('media-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('allows no inline styles in a build, and connections only over http(s) (the background fetches linked pages)', () => {
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'https:', 'http:']);
  });

  it('relaxes styles and connections for the dev server only', () => {
    const dev = directives(extensionPagesCsp('serve'));
    expect(dev.get('style-src')).toContain("'unsafe-inline'");
    expect(dev.get('connect-src')).toContain('ws://localhost:*');
    expect(dev.get('script-src')).toEqual(["'self'"]);
  });
});
