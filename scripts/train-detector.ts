/**
 * Trains the detection model (utils/article/detect-model.ts) on the tuning part
 * of the WCXB split only (ids ending 0–6; scripts/wcxb-corpus.ts) and writes
 * utils/article/detect-weights.ts. The held-back part is never read here: judge
 * the result with `npm run bench:quality`.
 *
 *   npx tsx scripts/train-detector.ts            # extract features, fit, write the weights
 *   options: --cache (reuse .tmp/detector-features.json from the last run: only for trying inputs
 *            or penalties; features change with detect.ts), --dry-run (print, write nothing)
 *
 * Deterministic: pages in id order, Newton's method from zero weights, folds by
 * the id's last digit, weights rounded to 3 decimals. Same corpus + same code →
 * the same file, byte for byte.
 *
 * Positives: WCXB article pages; negatives: service, product, collection, listing.
 * The penalty is picked by 7-fold cross-validation inside the tuning part (fold =
 * last digit of the id), and the threshold from the out-of-fold logits: the
 * highest cut that still finds TARGET_RECALL of the articles (a margin over the
 * issue's 97%, since a threshold fitted on one set loses a little on another).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectionFeatures, type DetectionFeatures } from '../utils/article/detect';
import { MODEL_INPUTS, detectionInputs } from '../utils/article/detect-model';
import { fitLogistic, weightsChecksum } from '../utils/article/logistic-fit';
import { parseDocument } from './parse-document';
import { NEGATIVE_TYPES, readPageHtml, splitOf, wcxbPages } from './wcxb-corpus';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cachePath = join(root, '.tmp/detector-features.json');
const outPath = join(root, 'utils/article/detect-weights.ts');
const PENALTIES = [0.3, 1, 3];
const TARGET_RECALL = 0.955;

interface Sample { id: string; type: string; article: boolean; features: DetectionFeatures }

function loadSamples(useCache: boolean): Sample[] {
  if (useCache && existsSync(cachePath)) return JSON.parse(readFileSync(cachePath, 'utf8')) as Sample[];
  const pages = [...wcxbPages('wcxb-dev-sample'), ...wcxbPages('wcxb-dev-rest')]
    .filter((p) => splitOf(p.id) === 'tuning' && (p.type === 'article' || NEGATIVE_TYPES.has(p.type)))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  if (!pages.length) throw new Error('No WCXB pages under ../shared/fixtures: the training set is missing.');
  const samples = pages.map((p, i) => {
    if ((i + 1) % 100 === 0) process.stderr.write(`${i + 1}/${pages.length}\n`);
    // The same DOM and the same feature code as the quality benchmark and the content script.
    const features = detectionFeatures(parseDocument(readPageHtml(p), p.url), p.url);
    return { id: p.id, type: p.type, article: p.type === 'article', features };
  });
  mkdirSync(dirname(cachePath), { recursive: true });
  writeFileSync(cachePath, JSON.stringify(samples));
  return samples;
}

/** Out-of-fold logits: each fold (last digit of the id) scored by a model fitted on the other six. */
function outOfFold(rows: number[][], labels: boolean[], ids: string[], l2: number): number[] {
  const logits = new Array<number>(rows.length).fill(0);
  for (const digit of '0123456') {
    const train = rows.map((_, i) => i).filter((i) => !ids[i]!.endsWith(digit));
    const fit = fitLogistic(train.map((i) => rows[i]!), train.map((i) => labels[i]!), { l2, balance: true });
    rows.forEach((x, i) => {
      if (ids[i]!.endsWith(digit)) logits[i] = fit.bias + x.reduce((s, v, k) => s + v * fit.weights[k]!, 0);
    });
  }
  return logits;
}

/** The highest cut that keeps `recall` of the positives at or above it. */
function thresholdFor(logits: number[], labels: boolean[], recall: number): number {
  const positives = logits.filter((_, i) => labels[i]).sort((a, b) => a - b);
  return positives[Math.floor((1 - recall) * positives.length)] ?? 0;
}

function rates(logits: number[], labels: boolean[], cut: number): { recall: number; fpRate: number } {
  let tp = 0, pos = 0, fp = 0, neg = 0;
  logits.forEach((z, i) => {
    if (labels[i]) { pos++; if (z >= cut) tp++; } else { neg++; if (z >= cut) fp++; }
  });
  return { recall: tp / pos, fpRate: fp / neg };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function main(): void {
  const argv = process.argv.slice(2);
  const samples = loadSamples(argv.includes('--cache'));
  const rows = samples.map((s) => detectionInputs(s.features));
  const labels = samples.map((s) => s.article);
  const ids = samples.map((s) => s.id);
  process.stdout.write(`tuning part: ${labels.filter(Boolean).length} articles, ${labels.filter((y) => !y).length} negatives\n`);

  let best = { l2: PENALTIES[0]!, cut: 0, fpRate: Infinity, recall: 0 };
  for (const l2 of PENALTIES) {
    const oof = outOfFold(rows, labels, ids, l2);
    const cut = thresholdFor(oof, labels, TARGET_RECALL);
    const r = rates(oof, labels, cut);
    process.stdout.write(`l2 ${l2}: out-of-fold recall ${(r.recall * 100).toFixed(1)}%, FP ${(r.fpRate * 100).toFixed(1)}% at cut ${cut.toFixed(3)}\n`);
    // Ties go to the stronger penalty (smaller weights generalise better).
    if (r.fpRate <= best.fpRate) best = { l2, cut, ...r };
  }
  const fit = fitLogistic(rows, labels, { l2: best.l2, balance: true });
  const model = { bias: round(fit.bias - best.cut), weights: fit.weights.map(round) };
  const final = rates(rows.map((x) => model.bias + x.reduce((s, v, k) => s + v * model.weights[k]!, 0)), labels, 0);
  process.stdout.write(`chosen l2 ${best.l2}, cut ${best.cut.toFixed(3)}; on the whole tuning part: recall ${(final.recall * 100).toFixed(1)}%, FP ${(final.fpRate * 100).toFixed(1)}%\n`);
  for (const [i, name] of MODEL_INPUTS.entries()) process.stdout.write(`  ${name.padEnd(22)} ${model.weights[i]!.toFixed(3)}\n`);
  process.stdout.write(`  ${'bias'.padEnd(22)} ${model.bias.toFixed(3)}\n`);
  if (argv.includes('--dry-run')) return;

  const training = {
    command: 'npx tsx scripts/train-detector.ts',
    /** The weights' order (MODEL_INPUTS when trained); kept here, out of the always-on bundle. */
    inputs: [...MODEL_INPUTS],
    pages: samples.length,
    articles: labels.filter(Boolean).length,
    l2: best.l2,
    cut: round(best.cut),
    outOfFoldRecall: round(best.recall),
    outOfFoldFpRate: round(best.fpRate),
    checksum: weightsChecksum({ inputs: MODEL_INPUTS, ...model }),
  };
  writeFileSync(outPath, `/**
 * Generated by scripts/train-detector.ts — do not edit by hand (tests/unit/article/detect-model.test.ts
 * fails on weights that do not match the checksum the training script wrote). Retrain with:
 *   ${training.command}
 * What each input is: utils/article/detect-model.ts. A weight is the evidence, in logits, of its input
 * at full strength (flags 0/1, counts scaled to ~1 at a typical "a lot"); positive says article.
 * The bias includes the threshold, so a logit ≥ 0 means article.
 */
import type { DetectorWeights } from './detect-model';

export const DETECTOR_WEIGHTS: DetectorWeights = {
  bias: ${model.bias},
  weights: [
${model.weights.map((w, i) => `    ${w}, // ${MODEL_INPUTS[i]}`).join('\n')}
  ],
};

/** How the weights were made (tuning part of the WCXB split only), for the tests and docs/quality.md. */
export const DETECTOR_TRAINING = ${JSON.stringify(training, null, 2)};
`);
  process.stdout.write(`wrote ${outPath}\n`);
}

main();
