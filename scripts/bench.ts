/**
 * `npm run bench`: speed in real browsers, each number beside a baseline measured
 * in the same run (ratios survive a slower or busier machine; absolute times do
 * not). Benchmarks report; they never fail the build on timing.
 *
 *   npm run bench                 all benchmarks (builds Chrome first unless --no-build)
 *   npm run bench -- detection    only those whose name contains "detection"
 *   npm run bench -- --tiny       one run of each at the smallest sizes (what `npm test` runs so
 *                                 the suite cannot rot; its numbers mean nothing and are not kept)
 *
 * A full run keeps each benchmark's result in bench-results/<bench>.json (with the machine and the
 * date) and regenerates docs/performance.md from them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeMachine, machineLine } from './bench/machine';
import { formatValue, slug, writePerformanceDoc, type BenchResult } from './bench/report';
import type { BenchRow } from './bench/types';


const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--'));
const root = join(import.meta.dirname, '..');
const tiny = args.includes('--tiny');
// Read by scripts/bench/stats.ts in every benchmark module.
if (tiny) process.env.FOLIO_BENCH_TINY = '1';
// Loaded after the flag is set: the benchmarks read it when their modules load.
const { BENCHES } = await import('./bench/all');

if (!args.includes('--no-build')) {
  // The shipped build (bundle sizes) and the test build (the reader bench drives the background's test hook).
  for (const env of [{}, { FOLIO_TEST_BUILD: '1' }]) {
    const built = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
}

const machine = describeMachine();
console.log(`Machine: ${machineLine(machine)}${tiny ? '  (tiny run: numbers not kept)' : ''}`);

const results: BenchResult[] = [];
let failures = 0;
for (const bench of BENCHES.filter((b) => !filter || b.name.includes(filter))) {
  console.log(`\n## ${bench.name}`);
  const result: BenchResult = { bench: bench.name, date: new Date().toISOString(), machine };
  try {
    const rows: BenchRow[] = await bench.run();
    result.rows = rows;
    for (const r of rows) {
      const range = r.min !== undefined && r.max !== undefined ? ` (${formatValue(r.min, r.unit)} – ${formatValue(r.max, r.unit)}, ${r.runs} runs)` : '';
      const ratio = r.baseline ? `  ${(r.value / r.baseline).toFixed(2)}x ${r.baselineName} (${formatValue(r.baseline, r.unit)})` : '';
      console.log(`- ${r.name}: ${formatValue(r.value, r.unit)}${range}${ratio}${r.goal ? `  [goal ${r.goal}]` : ''}`);
    }
  } catch (error) {
    failures++;
    result.error = error instanceof Error ? error.message : String(error);
    console.log(`- failed: ${result.error}`);
  }
  results.push(result);
}

const dir = join(root, 'bench-results');
mkdirSync(dir, { recursive: true });
const loadEnd = describeMachine().loadStart;
for (const r of results) r.machine = { ...r.machine, loadEnd };
if (tiny) {
  writeFileSync(join(dir, 'tiny.json'), JSON.stringify(results, null, 2));
} else {
  for (const r of results) writeFileSync(join(dir, `${slug(r.bench)}.json`), JSON.stringify(r, null, 2));
  writeFileSync(join(dir, 'latest.json'), JSON.stringify(results, null, 2));
  writePerformanceDoc(root, BENCHES.map((b) => b.name));
  console.log('\nWritten to bench-results/ and docs/performance.md');
}
// A benchmark that crashed is a failure (the tiny run in `npm test` exists to catch exactly that);
// a slow number never is.
process.exit(failures === 0 ? 0 : 1);
