// @vitest-environment jsdom
/**
 * The learned detection model (utils/article/detect-model.ts): its inputs on real
 * fixture pages, the committed weights against the checksum the training script
 * wrote, and the fitter the training script uses. Verdicts on every detection
 * fixture: detect-fixtures.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectionFeatures } from '../../../utils/article/detect';
import { MODEL_INPUTS, detectionInputs, modelLogit, modelVerdict, type ModelInput } from '../../../utils/article/detect-model';
import { DETECTOR_TRAINING, DETECTOR_WEIGHTS } from '../../../utils/article/detect-weights';
import { fitLogistic, weightsChecksum } from '../../../utils/article/logistic-fit';
import { parseDocument } from '../../../scripts/parse-document';

const dir = resolve(__dirname, '../../fixtures/detect');

function fixture(name: string): { html: string; url: string } {
  const { url } = JSON.parse(readFileSync(join(dir, name, 'input.json'), 'utf8')) as { url: string };
  return { html: readFileSync(join(dir, name, 'source.html'), 'utf8'), url };
}

/** The model's inputs by name, from the browser-like DOM (jsdom) or the training script's (linkedom). */
function inputsOf(name: string, dom: 'jsdom' | 'linkedom' = 'jsdom'): Record<ModelInput, number> {
  const { html, url } = fixture(name);
  const doc = dom === 'jsdom' ? new JSDOM(html, { url }).window.document : parseDocument(html, url, 'linkedom');
  const x = detectionInputs(detectionFeatures(doc, url));
  return Object.fromEntries(MODEL_INPUTS.map((n, i) => [n, x[i]])) as Record<ModelInput, number>;
}

describe('model inputs on fixture pages', () => {
  it('a news article: declared an article, a story run of paragraphs, no shop or form signals', () => {
    const x = inputsOf('news-article');
    expect(x.jsonLdArticle + x.ogArticle).toBeGreaterThan(0);
    expect(x.readerable).toBe(1);
    expect(x.topGroupShare).toBeGreaterThan(0.5);
    expect(x.priceMarkup + x.addToCart + x.passwordField + x.servicePath).toBe(0);
  });

  it('a product page: price markup and add-to-cart are on', () => {
    const x = inputsOf('product-page-schema-org');
    expect(x.priceMarkup).toBe(1);
    expect(x.jsonLdArticle).toBe(0);
  });

  it('a category listing: the listing URL; a home page of teasers: the linked headings', () => {
    expect(inputsOf('category-listing').listingPath).toBe(1);
    const home = inputsOf('home-page-teasers');
    expect(home.homePath).toBe(1);
    expect(home.linkedHeadings).toBeGreaterThan(0.5);
    expect(home.teasersOverParagraphs).toBe(1);
  });

  it('every input is finite and scaled to about 0…1 (so a weight reads as "this feature at full strength")', () => {
    for (const name of ['news-article', 'shop-page-many-controls', 'home-page-teasers', 'service-page']) {
      for (const [input, v] of Object.entries(inputsOf(name))) {
        expect(Number.isFinite(v), `${name} ${input}`).toBe(true);
        expect(v, `${name} ${input}`).toBeGreaterThanOrEqual(-1.5);
        expect(v, `${name} ${input}`).toBeLessThanOrEqual(2.5);
      }
    }
  });

  it('the training DOM (linkedom) gives the same inputs as a browser-like DOM (jsdom)', () => {
    for (const name of ['news-article', 'product-page', 'category-listing', 'article-br-separated', 'service-page', 'home-page-teasers']) {
      const a = inputsOf(name, 'jsdom');
      const b = inputsOf(name, 'linkedom');
      for (const input of MODEL_INPUTS) expect(b[input], `${name} ${input}`).toBeCloseTo(a[input], 9);
    }
  });

  it('the model calls the news article an article and the shop page not', () => {
    for (const [name, article] of [['news-article', true], ['shop-page-many-controls', false], ['pricing-page', false]] as const) {
      const { html, url } = fixture(name);
      const f = detectionFeatures(new JSDOM(html, { url }).window.document, url);
      expect(modelVerdict(f) >= 0, name).toBe(article);
      expect(modelVerdict(f)).toBe(modelLogit(detectionInputs(f), DETECTOR_WEIGHTS));
    }
  });
});

describe('committed weights', () => {
  it('are the training script\'s output: names in order, checksum as written (retrain, do not edit by hand)', () => {
    expect(DETECTOR_TRAINING.inputs).toEqual([...MODEL_INPUTS]);
    expect(DETECTOR_WEIGHTS.weights).toHaveLength(MODEL_INPUTS.length);
    expect(detectionInputs(detectionFeatures(new JSDOM('<p>x</p>', { url: 'https://example.org/' }).window.document))).toHaveLength(MODEL_INPUTS.length);
    expect(weightsChecksum({ inputs: DETECTOR_TRAINING.inputs, ...DETECTOR_WEIGHTS })).toBe(DETECTOR_TRAINING.checksum);
  });

  it('the checksum notices a one-digit change', () => {
    const edited = { inputs: DETECTOR_TRAINING.inputs, ...DETECTOR_WEIGHTS, weights: DETECTOR_WEIGHTS.weights.map((w, i) => (i === 0 ? w + 0.001 : w)) };
    expect(weightsChecksum(edited)).not.toBe(DETECTOR_TRAINING.checksum);
  });

  it('were trained on the tuning part only, with the documented command', () => {
    expect(DETECTOR_TRAINING.command).toBe('npx tsx scripts/train-detector.ts');
    // 565 articles + 352 service/product/collection/listing pages with ids ending 0–6.
    expect(DETECTOR_TRAINING.pages).toBe(917);
  });
});

describe('fitLogistic', () => {
  // A fixed tiny set: the label is "x0 > x1", with two overlapping points so the optimum is finite.
  const rows = [[0, 1], [1, 0], [0.2, 0.9], [0.9, 0.1], [0.6, 0.4], [0.4, 0.6], [0.5, 0.5], [0.5, 0.5]];
  const labels = [false, true, false, true, true, false, true, false];

  it('is deterministic: the same rows give the same weights, bit for bit', () => {
    expect(fitLogistic(rows, labels, { l2: 0.1, balance: true })).toEqual(fitLogistic(rows, labels, { l2: 0.1, balance: true }));
  });

  it('reaches the optimum: the penalised gradient is zero there', () => {
    const l2 = 0.1;
    const fit = fitLogistic(rows, labels, { l2, balance: false });
    const gradient = [0, 0, 0];
    rows.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(fit.bias + fit.weights[0]! * x[0]! + fit.weights[1]! * x[1]!)));
      const err = (labels[i] ? 1 : 0) - p;
      gradient[0]! += err;
      gradient[1]! += err * x[0]!;
      gradient[2]! += err * x[1]!;
    });
    expect(Math.abs(gradient[0]!)).toBeLessThan(1e-8);
    expect(Math.abs(gradient[1]! - l2 * fit.weights[0]!)).toBeLessThan(1e-8);
    expect(Math.abs(gradient[2]! - l2 * fit.weights[1]!)).toBeLessThan(1e-8);
    // And it learned the rule's direction.
    expect(fit.weights[0]!).toBeGreaterThan(0);
    expect(fit.weights[1]!).toBeLessThan(0);
  });

  it('a stronger penalty gives smaller weights', () => {
    const weak = fitLogistic(rows, labels, { l2: 0.01, balance: true });
    const strong = fitLogistic(rows, labels, { l2: 10, balance: true });
    expect(Math.abs(strong.weights[0]!)).toBeLessThan(Math.abs(weak.weights[0]!));
  });
});
