/**
 * Share a quote from the reader: selecting a sentence of the article shows
 * "Share quote"; its choices link to the original page with a text fragment
 * (#:~:text=) that scrolls to the passage, and carry the quote itself.
 */
import { expect, it } from 'vitest';
import type { ChromiumSession } from './harness/chromium';
import type { SiteServer } from './harness/server';
import { useSiteAndChromium } from './harness/suite';
import { openReaderChromium } from './harness/reader';
import { byName, clickByName } from './harness/pages';

let server: SiteServer;
let chromium: ChromiumSession;

useSiteAndChromium((s, c) => {
  server = s;
  chromium = c;
});

it('a selection in the reader can be shared as a quote that links back to the passage', async () => {
  const reader = await openReaderChromium(chromium, server.url('article.html?utm_source=newsletter'));
  const sentence = 'They have to make concessions.';
  await reader.evaluate((text) => {
    const article = document.querySelector('article')!;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${text}" is not in the reader`);
  }, sentence);

  await clickByName(reader, 'Share quote', 'button');
  const dialog = await byName(reader, 'Share this quote', 'dialog');
  const links = await dialog.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  await dialog.dispose();

  const whatsapp = links.find((href) => href.startsWith('https://wa.me/'));
  expect(whatsapp, `share links: ${links.join(', ')}`).toBeDefined();
  const text = new URL(whatsapp!).searchParams.get('text')!;
  expect(text).toContain(sentence);
  // The link back is the clean article URL with a fragment that finds the passage.
  const link = text.split(/\s/).find((word) => word.startsWith('http'))!;
  expect(link).toContain('#:~:text=');
  expect(link).not.toContain('utm_source');
  expect(decodeURIComponent(link.split('#:~:text=')[1]!)).toContain('They have to make concessions');
});
