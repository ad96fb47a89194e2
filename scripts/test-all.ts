/**
 * `npm test`: every check, in order, with one closing line that CI reads:
 * "N passed, N failed". Vitest suites count their tests; each other step
 * (typecheck, lint, builds, web-ext lint) counts as one check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, '.tmp', 'results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const outcome = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  const ok = outcome.status === 0;
  console.log(`━━ ${label}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function step(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  const ok = run(label, command, args, env);
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  return ok;
}

/** Runs a vitest suite and adds its test counts; a crash with no report counts as one failure. */
function vitestSuite(label: string, args: string[]): void {
  const report = join(results, `${label}.json`);
  const ok = run(label, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  if (!existsSync(report)) {
    failed++;
    failures.push(`${label} (no report)`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number; success: boolean };
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (json.numFailedTests > 0) failures.push(`${label}: ${json.numFailedTests} test(s)`);
  // Vitest can fail without a failing test (an error outside tests, an empty suite).
  if (!ok && json.numFailedTests === 0) {
    failed++;
    failures.push(`${label} (suite error)`);
  }
}

step('typecheck', 'npx', ['tsc', '--noEmit']);
step('eslint', 'npx', ['eslint', '.']);
vitestSuite('unit', []);
const chrome = step('build chrome', 'npx', ['wxt', 'build']);
const firefox = step('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
if (firefox) step('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--self-hosted', '--no-config-discovery']);
// What users install: no test hook, the exact permissions and CSP (tests/build/).
if (chrome && firefox) vitestSuite('build checks', ['--config', 'vitest.build.config.ts']);
// The e2e tests drive the test build: the same code plus the background test hook, in .output-test/.
const TEST_BUILD = { FOLIO_TEST_BUILD: '1' };
const chromeTest = step('build chrome (test)', 'npx', ['wxt', 'build'], TEST_BUILD);
const firefoxTest = step('build firefox (test)', 'npx', ['wxt', 'build', '-b', 'firefox'], TEST_BUILD);
if (chrome && firefox && chromeTest && firefoxTest) {
  vitestSuite('e2e', ['--config', 'vitest.e2e.config.ts']);
  // Every benchmark once at its smallest size: a benchmark that no longer runs fails here; its numbers are not judged.
  step('benchmarks (tiny run)', 'npx', ['tsx', 'scripts/bench.ts', '--no-build', '--tiny']);
} else {
  failed++;
  failures.push('e2e (not run: a build failed)');
}

console.log('');
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
