/** Throwaway folders for browser profiles and HOME: browsers write into both. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `folio-${prefix}-`));
}

export async function removeDirs(dirs: readonly string[]): Promise<void> {
  // Browsers may still be flushing files for a moment after exit: retry.
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })));
}
