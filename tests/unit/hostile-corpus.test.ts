// @vitest-environment jsdom
/**
 * Every payload of the hostile corpus (tests/fixtures/hostile/) through the
 * sanitiser on its own, checked for what may never come out: elements that run,
 * load, frame or submit; handlers; script URLs; a URL of the test server anywhere
 * but a link or a plain image; url( in an attribute; id references that leave the
 * article; tab order ahead of Folio's. The same payloads are rendered by the real
 * reader in tests/e2e/hostile-corpus.*.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ID_PREFIX, sanitizeArticle } from '../../utils/sanitize';
import {
  batchArticle, batches, beaconScript, countByCategory, expandPayload, loadHostileCorpus, LEAK_PREFIX, PWNED_PREFIX,
} from '../support/hostile-corpus';

const ORIGIN = 'http://127.0.0.1:9';
const ARTICLE = `${ORIGIN}/hostile/batch.html`;
const corpus = loadHostileCorpus();

const NEVER = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe', 'form', 'input',
  'button', 'select', 'textarea', 'keygen', 'isindex', 'base', 'meta', 'link', 'noscript', 'template', 'dialog',
  'foreignObject', 'image', 'feImage', 'use', 'animate', 'set', 'handler', 'mglyph', 'maction', 'annotation-xml',
  'video', 'audio', 'track', 'bgsound', 'param',
];
const ID_REFS = ['for', 'headers', 'form', 'list', 'itemref', 'anchor', 'aria-activedescendant', 'aria-controls', 'aria-describedby',
  'aria-details', 'aria-errormessage', 'aria-flowto', 'aria-labelledby', 'aria-owns'];
const FORBIDDEN_ATTRS = ['style', 'class', 'overflow', 'popover', 'popovertarget', 'popovertargetaction', 'command', 'commandfor',
  'interesttarget', 'accesskey', 'autofocus', 'preload', 'autoplay', 'poster', 'ping', 'background', 'srcdoc', 'action', 'formaction',
  'lowsrc', 'dynsrc', 'target'];

/** Problems found in one sanitised payload (empty: clean). */
function problems(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.localName;
    if (NEVER.some((t) => t.toLowerCase() === tag.toLowerCase())) found.push(`<${tag}>`);
    if (tag === 'source' && el.parentElement?.localName !== 'picture') found.push('<source> outside <picture>');
    const isLink = (tag === 'a' || tag === 'area') && el.namespaceURI !== 'http://www.w3.org/1998/Math/MathML';
    for (const { name, value } of Array.from(el.attributes)) {
      const where = `<${tag} ${name}="${value.slice(0, 80)}">`;
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) found.push(`handler ${where}`);
      if (FORBIDDEN_ATTRS.includes(lower) && !(lower === 'target' && isLink && value === '_blank')) found.push(`attribute ${where}`);
      if (/^\W*(?:javascript|vbscript|data|file|chrome|about|feed|jar):/i.test(value.replace(/[\s\u2028]/g, ''))) {
        if (!(tag === 'img' && lower === 'src' && /^data:image\/(png|gif|jpe?g|webp|avif);base64,/i.test(value))) found.push(`scheme ${where}`);
      }
      const link = isLink && lower === 'href';
      const image = (tag === 'img' && (lower === 'src' || lower === 'srcset')) || (tag === 'source' && lower === 'srcset');
      if ((value.includes(LEAK_PREFIX) || value.includes(PWNED_PREFIX)) && !link && !image) found.push(`server URL ${where}`);
      if (/url\s*\(/i.test(value.replace(new RegExp(`url\\(#${ID_PREFIX}[\\w.:-]+\\)`, 'g'), ''))) found.push(`url( ${where}`);
      if (ID_REFS.includes(lower) && value.split(/\s+/).some((id) => id && !id.startsWith(ID_PREFIX))) found.push(`id reference ${where}`);
      if ((lower === 'id' || lower === 'name') && !value.startsWith(ID_PREFIX)) found.push(`unprefixed ${where}`);
      if (lower === 'tabindex' && value !== '0' && value !== '-1') found.push(`tabindex ${where}`);
      if (lower === 'usemap' && !value.startsWith(`#${ID_PREFIX}`)) found.push(`usemap ${where}`);
      if ((lower === 'href' || lower === 'xlink:href') && !link && !(el.namespaceURI === 'http://www.w3.org/2000/svg' && tag === 'a') && !value.startsWith(`#${ID_PREFIX}`)) {
        found.push(`reference ${where}`);
      }
    }
    if (tag === 'img' && el.getAttribute('referrerpolicy') !== 'no-referrer') found.push('<img> without referrerpolicy=no-referrer');
  }
  return found;
}

describe('hostile corpus through the sanitiser', () => {
  it('has at least 150 payloads in every category the security pass names', () => {
    const counts = countByCategory(corpus);
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    for (const category of ['event-handlers', 'script-urls', 'svg-mathml', 'mutation-xss', 'dom-clobbering', 'base-meta-link', 'forms',
      'embedded', 'overlays', 'remote-urls', 'media', 'id-references']) {
      expect(counts[category], category).toBeGreaterThanOrEqual(8);
    }
  });

  it('fills in placeholders; the quote-free script decodes to the same beacon', () => {
    const payload = corpus.find((p) => p.template.includes('{{JS_NQ}}'))!;
    const html = expandPayload(payload, ORIGIN);
    const source = /decodeURIComponent\(\/([^/]+)\/\.source\)/.exec(html)![1]!;
    expect(decodeURIComponent(source)).toBe(beaconScript(ORIGIN, payload.slug));
    expect(html).not.toMatch(/\{\{/);
  });

  it('no payload swallows the ones after it: every batch the reader gets keeps every payload heading', () => {
    for (const batch of batches(corpus, 5)) {
      const host = document.createElement('div');
      host.append(sanitizeArticle(batchArticle(batch, ORIGIN, '/canary.svg'), ARTICLE));
      const headings = Array.from(host.querySelectorAll('h2'), (h) => h.textContent);
      expect(headings).toEqual(batch.map((p) => `Payload ${p.slug}`));
    }
  });

  for (const payload of corpus) {
    it(`${payload.slug} comes out inert`, () => {
      const host = document.createElement('div');
      host.append(sanitizeArticle(expandPayload(payload, ORIGIN), ARTICLE));
      expect(problems(host)).toEqual([]);
    });
  }
});
