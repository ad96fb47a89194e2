/**
 * Fits the detection model (utils/article/detect-model.ts) offline; never bundled.
 * Plain L2-regularised logistic regression solved by Newton's method (IRLS) from
 * all-zero weights: no random start and no sampling, so the same rows give the
 * same weights on every machine (the committed weights test relies on that).
 */

export interface FitOptions {
  /** L2 penalty on the weights (not the bias), in units of the summed sample weight. */
  l2: number;
  /** Weight each class so both sum to half the total: the corpus has more articles than negatives. */
  balance: boolean;
  iterations?: number;
}

export interface Fit { bias: number; weights: number[] }

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly boolean[], options: FitOptions): Fit {
  const n = rows.length;
  const d = (rows[0]?.length ?? 0) + 1; // index 0 is the bias
  const positives = labels.filter(Boolean).length;
  const sampleWeight = labels.map((y) => (!options.balance ? 1 : y ? n / (2 * positives) : n / (2 * (n - positives))));
  let beta = new Array<number>(d).fill(0);
  for (let iter = 0; iter < (options.iterations ?? 50); iter++) {
    const gradient = new Array<number>(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < n; i++) {
      const x = [1, ...(rows[i] ?? [])];
      const p = sigmoid(dot(beta, x));
      const s = sampleWeight[i] ?? 1;
      const err = s * ((labels[i] ? 1 : 0) - p);
      const curvature = s * Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a < d; a++) {
        gradient[a]! += err * x[a]!;
        for (let b = a; b < d; b++) hessian[a]![b]! += curvature * x[a]! * x[b]!;
      }
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) hessian[a]![b] = hessian[b]![a]!;
    for (let a = 1; a < d; a++) {
      gradient[a]! -= options.l2 * beta[a]!;
      hessian[a]![a]! += options.l2;
    }
    const step = solve(hessian, gradient);
    beta = beta.map((v, i) => v + step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { bias: beta[0]!, weights: beta.slice(1) };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Gaussian elimination with partial pivoting; the Hessian is positive definite thanks to the L2 term. */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const m = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]! || 1e-12;
    for (let r = col + 1; r < n; r++) {
      const factor = m[r]![col]! / p;
      if (!factor) continue;
      for (let c = col; c <= n; c++) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let c = r + 1; c < n; c++) s -= m[r]![c]! * out[c]!;
    out[r] = s / (m[r]![r]! || 1e-12);
  }
  return out;
}

/**
 * FNV-1a over the weights as the training script writes them: the committed file carries it,
 * and a test recomputes it, so weights edited by hand (without retraining) fail.
 */
export function weightsChecksum(model: { inputs: readonly string[]; bias: number; weights: readonly number[] }): string {
  const text = JSON.stringify({ inputs: model.inputs, bias: model.bias, weights: model.weights });
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
