/** One line of `npm run bench`: a measurement next to its same-run baseline. */
export interface BenchRow {
  name: string;
  /** The measured value (median unless the name says otherwise). */
  value: number;
  unit: 'ms' | 'bytes' | 'frames' | 'MB';
  /** What the ratio compares against, measured in the same run. */
  baselineName?: string;
  baseline?: number;
  /** A goal from the issues, stated as text: benchmarks report, tests assert. */
  goal?: string;
  /** Over repeated runs: the fastest and slowest, and how many (utils: scripts/bench/stats.ts `spread`). */
  min?: number;
  max?: number;
  runs?: number;
}

export interface Bench {
  name: string;
  run(): Promise<BenchRow[]>;
}
