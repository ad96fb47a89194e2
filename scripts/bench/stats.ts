/** Summaries every benchmark uses, so a median means the same thing in each row. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

/** Median with the spread: what a row reports for repeated runs. */
export function spread(values: readonly number[]): { value: number; min: number; max: number; runs: number } {
  return { value: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/** Set by `npm run bench -- --tiny` (what `npm test` runs): one run of each, smallest sizes, so the suite cannot rot. */
export const TINY = process.env.FOLIO_BENCH_TINY === '1';

/** `n` repetitions, or one in a tiny run. */
export function runs(n: number): number {
  return TINY ? 1 : n;
}
