/**
 * `npm run bench`: speed in real browsers, each number beside a baseline measured
 * in the same run (ratios survive a slower or busier machine; absolute times do
 * not). Benchmarks report; they never fail the build on timing.
 *
 *   npm run bench                 all benchmarks (builds Chrome first unless --no-build)
 *   npm run bench -- detection    only those whose name contains "detection"
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleBench } from './bench/bundles';
import { detectBench } from './bench/detect';
import { exportBench } from './bench/export';
import { libraryBench } from './bench/library';
import { popupBench } from './bench/popup';
import { readerBench } from './bench/reader';
import type { Bench, BenchRow } from './bench/types';

const BENCHES: Bench[] = [bundleBench, detectBench, popupBench, readerBench, libraryBench, exportBench];

const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--'));
const root = join(import.meta.dirname, '..');

if (!args.includes('--no-build')) {
  // The shipped build (bundle sizes) and the test build (the reader bench drives the background's test hook).
  for (const env of [{}, { FOLIO_TEST_BUILD: '1' }]) {
    const built = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
}

function format(value: number, unit: BenchRow['unit']): string {
  if (unit === 'bytes') return `${(value / 1024).toFixed(1)} kB`;
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
  return `${value} ${unit}`;
}

const results: Record<string, BenchRow[] | { error: string }> = {};
for (const bench of BENCHES.filter((b) => !filter || b.name.includes(filter))) {
  console.log(`\n## ${bench.name}`);
  try {
    const rows = await bench.run();
    results[bench.name] = rows;
    for (const r of rows) {
      const ratio = r.baseline ? `  ${(r.value / r.baseline).toFixed(2)}x ${r.baselineName} (${format(r.baseline, r.unit)})` : '';
      console.log(`- ${r.name}: ${format(r.value, r.unit)}${ratio}${r.goal ? `  [goal ${r.goal}]` : ''}`);
    }
  } catch (error) {
    results[bench.name] = { error: String(error) };
    console.log(`- failed: ${String(error)}`);
  }
}

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results', 'latest.json'), JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
console.log('\nWritten to bench-results/latest.json');
