// @vitest-environment jsdom
/**
 * What the security pass pinned in the sanitiser (issue "Trust and speed: a
 * security pass", rendering half):
 *  - article markup loads nothing but plain images: no url(…) in any attribute
 *    (SVG presentation attributes are CSS), no media that preloads, no SVG
 *    <image>/<feImage>, no external SVG references, images without a referrer;
 *  - no SVG that paints outside its box (overflow attribute);
 *  - attributes that name elements by id point only at the article's own
 *    (namespaced) ids, so `<label for="reader-text-button">` cannot click Folio's
 *    button; tab order cannot jump ahead of Folio's toolbar.
 */
import { describe, expect, it } from 'vitest';
import { ID_PREFIX, sanitizeArticle } from '../../utils/sanitize';

const ARTICLE = 'https://news.example.com/world/story.html';

function dom(input: string, base: string | null = ARTICLE): HTMLElement {
  const host = document.createElement('div');
  host.append(sanitizeArticle(input, base));
  return host;
}

/** Every attribute value in the tree, as "tag@name=value". */
function attributes(root: Element): string[] {
  return Array.from(root.querySelectorAll('*')).flatMap((el) =>
    Array.from(el.attributes, (a) => `${el.localName}@${a.name}=${a.value}`),
  );
}

describe('sanitizeArticle: nothing loads but plain images', () => {
  const presentation = ['fill', 'stroke', 'filter', 'mask', 'clip-path', 'marker-start', 'marker-mid', 'marker-end', 'cursor'];

  for (const attr of presentation) {
    it(`drops ${attr}="url(https://…)" on SVG shapes`, () => {
      const root = dom(`<svg width="10" height="10"><rect width="10" height="10" ${attr}="url(https://tracker.example/${attr}.svg#x)"/></svg>`);
      expect(attributes(root).filter((a) => /url\(/i.test(a))).toEqual([]);
      expect(root.querySelector('rect')).not.toBeNull();
    });
  }

  it('drops url( in any attribute, in any spelling: quoted, upper case, CSS-escaped, image-set()', () => {
    const root = dom(
      '<svg><g fill="URL( \'https://t.example/a\' )"></g><g stroke="u\\72l(https://t.example/b)"></g>' +
        '<g mask="image-set(\'https://t.example/c.png\' 1x)"></g><g filter="-webkit-image-set(url(//t.example/d) 1x)"></g>' +
        '<g clip-path="red url(https://t.example/e)"></g></svg>' +
        '<p title="url(https://t.example/f)" lang="en">text</p><span data-x="1" aria-label="url(//t.example/g)">s</span>',
    );
    expect(attributes(root).filter((a) => /t\.example/.test(a))).toEqual([]);
    expect(root.textContent).toContain('text');
  });

  it('keeps url(#id) references to the article\'s own SVG, namespaced like the ids', () => {
    const root = dom(
      '<svg><defs><linearGradient id="grad"><stop offset="0" stop-color="red"/></linearGradient></defs>' +
        '<rect width="5" height="5" fill="url(#grad)" stroke="url(\'#grad\') blue"/></svg>',
    );
    expect(root.querySelector('linearGradient, lineargradient')?.id).toBe(`${ID_PREFIX}grad`);
    expect(root.querySelector('rect')?.getAttribute('fill')).toBe(`url(#${ID_PREFIX}grad)`);
    expect(root.querySelector('rect')?.getAttribute('stroke')).toBe(`url(#${ID_PREFIX}grad) blue`);
  });

  it('removes SVG <image> and <feImage>, and external hrefs on other SVG elements', () => {
    const root = dom(
      '<svg><image href="https://t.example/i.png" width="9" height="9"/><filter id="f"><feImage href="https://t.example/fe.png"/></filter>' +
        '<pattern id="p" href="https://t.example/p.svg#q"></pattern><linearGradient xlink:href="#p"></linearGradient>' +
        '<a href="https://news.example.com/ok"><text>link</text></a></svg>',
    );
    expect(root.querySelector('image, feImage, feimage')).toBeNull();
    expect(attributes(root).filter((a) => a.includes('t.example'))).toEqual([]);
    expect(root.querySelector('pattern')?.hasAttribute('href')).toBe(false);
    expect(root.querySelector('linearGradient, lineargradient')?.getAttribute('xlink:href')).toBe(`#${ID_PREFIX}p`);
    // SVG links stay links.
    expect(root.querySelector('svg a')?.getAttribute('href')).toBe('https://news.example.com/ok');
  });

  it('turns <video> and <audio> into links that load nothing: no preload, autoplay, poster, source or track', () => {
    const root = dom(
      '<video preload="auto" autoplay poster="https://t.example/poster.jpg" src="/media/clip.mp4"><track src="https://t.example/subs.vtt"></video>' +
        '<audio preload="auto" title="The interview"><source src="https://cdn.example.com/talk.mp3"></audio>' +
        '<video><source src="javascript:alert(1)"></video><p>after</p>',
    );
    expect(root.querySelector('video, audio, source, track')).toBeNull();
    expect(attributes(root).filter((a) => /t\.example|preload|autoplay|poster|javascript/.test(a))).toEqual([]);
    const links = Array.from(root.querySelectorAll('a'), (a) => ({ href: a.getAttribute('href'), text: a.textContent, rel: a.rel }));
    expect(links).toEqual([
      { href: 'https://news.example.com/media/clip.mp4', text: '▶ clip.mp4 (news.example.com)', rel: 'noopener noreferrer' },
      { href: 'https://cdn.example.com/talk.mp3', text: '♪ The interview', rel: 'noopener noreferrer' },
    ]);
    expect(root.textContent).toContain('after');
  });

  it('keeps src only on <img> and srcset only on <img> and <picture> sources; images carry no referrer', () => {
    const root = dom(
      '<picture><source srcset="/a.webp 1x" type="image/webp"><img src="/a.jpg" alt="a"></picture>' +
        '<math><mi src="https://t.example/m.png" href="https://t.example/m">x</mi></math><div src="/x" srcset="/y 1x">d</div>',
    );
    expect(root.querySelector('picture source')?.getAttribute('srcset')).toBe('https://news.example.com/a.webp 1x');
    const img = root.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://news.example.com/a.jpg');
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(attributes(root).filter((a) => /t\.example|div@src|div@srcset/.test(a))).toEqual([]);
  });
});

describe('sanitizeArticle: article SVG stays in its box', () => {
  it('strips the overflow attribute', () => {
    const root = dom('<svg overflow="visible" width="10" height="10"><g overflow="visible"><rect width="99999" height="99999"/></g></svg>');
    expect(root.querySelectorAll('[overflow]')).toHaveLength(0);
    expect(root.querySelector('rect')).not.toBeNull();
  });

  it('strips popover and the attributes that act on other elements, and access keys', () => {
    const root = dom(
      '<div popover="manual" id="pop">top layer</div><a href="#x" popovertarget="reader-text-panel" popovertargetaction="show" ' +
        'command="show-modal" commandfor="reader-text-panel" interesttarget="pop" accesskey="r" autofocus>x</a>',
    );
    expect(attributes(root).filter((a) => /popover|command|interest|accesskey|autofocus/.test(a))).toEqual([]);
  });
});

describe('sanitizeArticle: id references point only inside the article', () => {
  const refs = [
    'for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant',
    'aria-details', 'aria-errormessage', 'aria-flowto', 'headers',
  ];
  for (const attr of refs) {
    it(`namespaces ${attr}`, () => {
      const tag = attr === 'for' ? 'label' : attr === 'headers' ? 'td' : 'span';
      const markup = tag === 'td' ? `<table><tr><td ${attr}="reader-text-button main">x</td></tr></table>` : `<${tag} ${attr}="reader-text-button main">x</${tag}>`;
      const el = dom(markup).querySelector(`[${attr}]`);
      expect(el?.getAttribute(attr)).toBe(`${ID_PREFIX}reader-text-button ${ID_PREFIX}main`);
    });
  }

  it('label for= names the article\'s own namespaced id, which its target carries', () => {
    const root = dom('<label for="q">Question</label><span id="q" tabindex="0">answer</span>');
    expect(root.querySelector('label')?.htmlFor).toBe(`${ID_PREFIX}q`);
    expect(root.querySelector('span')?.id).toBe(`${ID_PREFIX}q`);
  });

  it('namespaces usemap like the map names DOMPurify prefixes', () => {
    const root = dom('<map name="m"><area href="/a" shape="rect" coords="0,0,1,1" alt="a"></map><img src="/i.png" usemap="#m" alt="i">');
    expect(root.querySelector('map')?.getAttribute('name')).toBe(`${ID_PREFIX}m`);
    expect(root.querySelector('img')?.getAttribute('usemap')).toBe(`#${ID_PREFIX}m`);
  });

  it('clamps tabindex to 0 or -1 and drops what is not a number', () => {
    const root = dom('<p tabindex="5">a</p><p tabindex="0">b</p><p tabindex="-3">c</p><p tabindex="x">d</p><svg tabindex="32767"></svg>');
    expect(Array.from(root.querySelectorAll('p, svg'), (el) => el.getAttribute('tabindex'))).toEqual(['0', '0', '-1', null, '0']);
  });
});

describe('sanitizeArticle: markup without a body', () => {
  it('a lone <frameset> gives an empty article, not a sanitiser failure', () => {
    const fragment = sanitizeArticle('<frameset><frame src="https://t.example/f"></frameset>', ARTICLE);
    expect(fragment.nodeType).toBe(Node.DOCUMENT_FRAGMENT_NODE);
    expect(fragment.childNodes).toHaveLength(0);
  });
});
