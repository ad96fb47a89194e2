/**
 * What the bundled sample article (tests/fixtures/site/article.html) contains, so
 * tests can assert "every story paragraph and none of the widget text".
 * tests/e2e/site.e2e.test.ts checks these strings against the HTML file itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_DIR } from './paths';

export const SAMPLE_ARTICLE_PATH = 'article.html';
export const SAMPLE_HOME_PATH = 'home.html';

export const SAMPLE_TITLE = 'US says China talks ‘very constructive’ as Trump jets to KL';
export const SAMPLE_SITE_NAME = 'The Straits Ledger';
export const SAMPLE_BYLINE = 'Josh Xiao & Daniel Flatley / Bloomberg';

/** The story's paragraphs, verbatim and in order (the seed page's text). */
export const STORY_PARAGRAPHS: readonly string[] = [
  '(Oct 25): The US said it held “very constructive” discussions with China after the first day of trade negotiations in Malaysia, as President Donald Trump began his trip to the region including a meeting with the Chinese leader next week.',
  'Chinese and American officials met in Kuala Lumpur on Saturday for a new round of talks aimed at defusing a stand-off between the world’s two largest economies. A spokesperson for the US Treasury gave a brief description of the exchange and said it will resume on Sunday, without elaborating.',
  'The Chinese delegation made no public remarks after the 5.5-hour-long meeting at Merdeka 118, the world’s second-tallest building. Vice Premier He Lifeng led the Chinese side and was joined by Trade Representative Li Chenggang and Vice Finance Minister Liao Min. US Treasury Secretary Scott Bessent headed the US team.',
  'Bessent and He, a long-time associate of Xi, face the task of negotiating down new escalatory measures imposed by their countries against one another. They are also setting the stage for expected talks next Thursday between Xi and US President Donald Trump on the sidelines of the Asia-Pacific Economic Cooperation leaders’ summit in South Korea.',
  'Trump told reporters aboard Air Force One that he and Xi had “a lot of things to discuss” and expects both sides to make compromises, although he won’t put odds on getting a deal.',
  '“They have to make concessions. I guess we would too. We are at 157% tariffs for them. I don’t think that’s sustainable for them, and they want to get that down, and we want certain things from them,” Trump said on Friday on his way to Asia.',
  'The US president will meet with Prime Minister Datuk Seri Anwar Ibrahim on Sunday to discuss trade, investment and security. Bloomberg News previously reported he looks to sign economic agreements and critical minerals deals with trading partners during the trip, the first to the region during his second term.',
  'Trump has said he wants to extend a pause on higher tariffs on Chinese goods in exchange for Xi resuming American soybean purchases, cracking down on fentanyl and backing off restrictions on rare-earth exports.',
  'Earlier in October, Trump lashed out against Beijing’s vow to broaden controls on rare-earth elements, raising the prospect of setting a sky-high tariff rate on Chinese goods and even cancelling his first in-person meeting with Xi since he returned to the White House this year.',
  'At stake is a trade truce that’s set to run out on Nov 10 unless extended. Months of tentative stability in the US-China relationship have been upended in recent weeks after Washington broadened some tech restrictions and proposed levies on Chinese ships entering US ports.',
  'China responded with parallel moves and outlined tighter export controls on rare earths and other critical materials. On Monday, the Ministry of Commerce convened an unusually large meeting in Beijing with foreign businesses, in an effort to reassure them that its latest export controls aren’t meant to restrict normal trade.',
  'The global ripples of China’s export controls underscore how the trade war has injected uncertainty into the world economy and trade. Chinese shipments to Southeast Asia and the European Union have jumped this year as US tariffs soared, which may pressure local manufacturers.',
  'Speaking at a summit of the Association of Southeast Asian Nations (Asean) on Saturday, Foreign Minister Datuk Seri Mohamad Hasan expressed hope for a resolution while saying he has no expectations.',
  '“We cross our fingers that the US and China come to their senses,” he said. “Very much it’s good for the whole world and also for this region.”',
];

/**
 * Page furniture of the sample article that a reader view must drop. Each is a
 * substring that must not occur in the reader's article text.
 */
export const WIDGET_STRINGS: readonly string[] = [
  'Floating Button',
  'Font Resizer',
  'Share to Whatsapp',
  'Share to Facebook',
  'Share to LinkedIn',
  'Scroll to top',
  'See also',
  // The headlines the "See also:" promos link to: they go with their label (utils/article/cleanup/pointer-promos.ts).
  "Trump, Brazil's Lula aim for KL meeting",
  "Trump not planning to meet Canada's Carney",
  'Follow us on Facebook',
  'join our Telegram channel',
  'Uploaded by',
  'Download The Straits Ledger App',
  'Google play',
  'Apple store',
  'Keep updated',
  'Follow our social media',
  '© 2025',
  'Advertisement',
  'Most Read',
  'Morning Brief',
];

/** Collapse runs of whitespace, so rendered text compares with the constants above. */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The sample article's HTML as served. */
export function readSampleArticleHtml(): string {
  return readFileSync(join(SITE_DIR, SAMPLE_ARTICLE_PATH), 'utf8');
}

export interface ReaderTextCheck {
  /** Story paragraphs not found in the text. */
  missing: string[];
  /** Widget strings found in the text. */
  leaked: string[];
  /** True when the found paragraphs appear in story order. */
  inOrder: boolean;
}

/** Compare a reader's article text with the sample story. */
export function checkReaderText(text: string): ReaderTextCheck {
  const haystack = normaliseText(text);
  const positions = STORY_PARAGRAPHS.map((p) => haystack.indexOf(normaliseText(p)));
  const found = positions.filter((i) => i >= 0);
  return {
    missing: STORY_PARAGRAPHS.filter((_, i) => positions[i]! < 0),
    leaked: WIDGET_STRINGS.filter((w) => haystack.includes(w)),
    inOrder: found.every((pos, i) => i === 0 || pos > found[i - 1]!),
  };
}
