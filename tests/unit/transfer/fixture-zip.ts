/** Zips built in the test from the fixture folders (fixtures are data; the zips are made fresh each run). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

export const IMPORT_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'import');

export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(IMPORT_FIXTURES, path)));
}

export function fixtureText(path: string): string {
  return readFileSync(join(IMPORT_FIXTURES, path), 'utf8');
}

/** Every file under `folder`, by its path relative to it, optionally under `prefix/`. */
export function zipFolder(folder: string, prefix = ''): Uint8Array {
  const root = join(IMPORT_FIXTURES, folder);
  const files: Zippable = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[prefix + relative(root, full).split('\\').join('/')] = new Uint8Array(readFileSync(full));
    }
  };
  walk(root);
  return zipSync(files);
}

export function fileOf(bytes: Uint8Array, name: string): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name);
}
