/**
 * The learned part of detection: a logistic regression over the cheap features
 * detect.ts measures. Issue #12: hand-set thresholds fitted to 150 articles called
 * one non-article in six an article on unseen pages; weights fitted on 1,000+
 * pages (the tuning part of the WCXB split) and judged on the held-back part
 * generalise better. The weights are data (detect-weights.ts), written by
 * scripts/train-detector.ts, which calls the same `modelInputs` as the content
 * script, so training and the extension can never see different features.
 *
 * Each input is scaled to about 0…1 (flags are 0/1; counts go through log1p and a
 * divisor) so that a weight reads as "the evidence of this feature at full
 * strength", in logits, and the L2 penalty treats all inputs alike.
 */
import type { DetectionFeatures } from './detect';

/** Input names, in the order of the weights. A change here needs a retrain (the weights test checks the names). */
export const MODEL_INPUTS = [
  'paragraphScore', 'topGroupChars', 'topGroupShare', 'longParagraphs', 'paragraphChars', 'dominantShare',
  'jsonLdArticle', 'jsonLdNonArticle', 'ogArticle', 'ogWebsite', 'publishedMeta', 'bylineMarkup', 'timeMarkup',
  'articlePath', 'servicePath', 'listingPath', 'homePath', 'searchPage', 'slugWords', 'pathDepth',
  'priceMarkup', 'addToCart', 'passwordField', 'controls', 'callsToAction', 'formFields',
  'linkedHeadings', 'linkCards', 'articleElements', 'teasersOverParagraphs',
  'readerable', 'ruleScore',
] as const;

export type ModelInput = (typeof MODEL_INPUTS)[number];

export interface DetectorWeights {
  inputs: readonly string[];
  bias: number;
  weights: readonly number[];
}

/** log1p(x) / log1p(full): 0 at 0, 1 at `full`, slowly above. */
const logScale = (x: number, full: number): number => Math.log1p(Math.max(0, x)) / Math.log1p(full);
const flag = (b: boolean): number => (b ? 1 : 0);

/**
 * `ruleScore` is detect.ts's hand-weighted sum (scoreFeatures): its thresholds (readerable at 20,
 * ≥100 controls, ≥6 teasers…) are the rules that were clearly right on the corpora; the model
 * learns how far to trust them next to the raw measurements. Callers use detect.ts's
 * `detectionInputs`, so training and the content script compute it the same way.
 */
export function modelInputs(f: DetectionFeatures, ruleScore: number): number[] {
  const segments = f.path.split('/').filter(Boolean);
  const slug = (segments[segments.length - 1] ?? '').replace(/\.\w+$/, '');
  const teasers = Math.max(f.linkedHeadings, f.articleElements > 1 ? f.articleElements : 0, f.linkCards);
  const values: Record<ModelInput, number> = {
    // How the page reads. paragraphScore 20 is Readability's readerable cut-off.
    paragraphScore: logScale(f.paragraphScore, 100),
    topGroupChars: logScale(f.topGroupChars, 5000),
    topGroupShare: f.topGroupShare,
    longParagraphs: logScale(f.longParagraphs, 30),
    paragraphChars: logScale(f.paragraphChars, 20000),
    dominantShare: f.dominantShare,
    // What the publisher declares.
    jsonLdArticle: flag(f.jsonLdArticle),
    jsonLdNonArticle: flag(!!f.jsonLdNonArticle && !f.jsonLdArticle),
    ogArticle: flag(f.ogType === 'article'),
    ogWebsite: flag(f.ogType === 'website'),
    publishedMeta: flag(f.publishedMeta),
    bylineMarkup: flag(f.bylineMarkup),
    timeMarkup: flag(f.timeMarkup),
    // What the URL says.
    articlePath: flag(f.articlePath),
    servicePath: flag(f.servicePath),
    listingPath: flag(f.listingPath),
    homePath: flag(f.homePath),
    searchPage: flag(f.searchPage),
    // Plain words in the last path segment: a headline slug has many, "pricing" or "s9-128gb" few.
    slugWords: Math.min(slug.split(/[-_]/).filter((w) => /^[a-z]+$/.test(w)).length, 12) / 12,
    pathDepth: Math.min(segments.length, 6) / 6,
    // What says "a shop, a form, an app".
    priceMarkup: flag(f.priceMarkup),
    addToCart: flag(f.addToCart),
    passwordField: flag(f.passwordField),
    controls: logScale(f.buttons + f.formFields, 100),
    callsToAction: logScale(f.callsToAction, 5),
    formFields: logScale(f.formFields, 20),
    // What says "many stories, not one".
    linkedHeadings: logScale(f.linkedHeadings, 30),
    linkCards: logScale(f.linkCards, 10),
    articleElements: logScale(f.articleElements, 10),
    teasersOverParagraphs: flag(teasers >= 6 && teasers > f.longParagraphs),
    readerable: flag(f.paragraphScore >= 20),
    ruleScore: ruleScore / 10,
  };
  return MODEL_INPUTS.map((name) => values[name]);
}

/** The model's logit: ≥ 0 means article (the training script folds the chosen threshold into the bias). */
export function modelLogit(x: readonly number[], model: DetectorWeights): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += (model.weights[i] ?? 0) * (x[i] ?? 0);
  return z;
}
