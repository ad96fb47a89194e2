/**
 * The hostile markup corpus (tests/fixtures/hostile/*.txt, format in its README):
 * loaded, its placeholders filled in for a given test server, and cut into batches
 * for the reader. Shared by the unit test (sanitiser in jsdom) and the e2e tests
 * (the real reader in Chromium and Firefox).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
export const HOSTILE_DIR = resolve(here, '..', 'fixtures', 'hostile');

/** Paths on the test server that a payload may name; a request for any of them is a leak. */
export const LEAK_PREFIX = '/leak/';
export const PWNED_PREFIX = '/pwned/';

export interface HostilePayload {
  /** "<category>.<id>", unique in the corpus. */
  slug: string;
  category: string;
  id: string;
  /** The markup with its placeholders still in. */
  template: string;
}

export function loadHostileCorpus(dir = HOSTILE_DIR): HostilePayload[] {
  const payloads: HostilePayload[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    const category = basename(file, '.txt');
    let current: HostilePayload | null = null;
    const lines: string[] = [];
    const flush = () => {
      if (current) payloads.push({ ...current, template: lines.join('\n').trim() });
      lines.length = 0;
    };
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.startsWith('#!')) continue;
      const header = /^#### (\S+)\s*$/.exec(line);
      if (header) {
        flush();
        current = { slug: `${category}.${header[1]}`, category, id: header[1]!, template: '' };
      } else if (current) {
        lines.push(line);
      }
    }
    flush();
  }
  const seen = new Set<string>();
  for (const p of payloads) {
    if (seen.has(p.slug)) throw new Error(`Duplicate hostile payload id ${p.slug}`);
    if (!p.template) throw new Error(`Empty hostile payload ${p.slug}`);
    seen.add(p.slug);
  }
  return payloads;
}

/** Script that, if it ever ran, would leave three traces: a flag, a request and a dialog. */
export function beaconScript(origin: string, slug: string): string {
  return `(window.folioPwned=window.folioPwned||[]).push('${slug}');new Image().src='${origin}${PWNED_PREFIX}${slug}';alert('${slug}')`;
}

/** `payload` with its placeholders filled in for a test server at `origin`. */
export function expandPayload(payload: HostilePayload, origin: string): string {
  const js = beaconScript(origin, payload.slug);
  const values: Record<string, string> = {
    LEAK: `${origin}${LEAK_PREFIX}${payload.slug}`,
    LEAK_PATH: `${LEAK_PREFIX}${payload.slug}`,
    JS: js,
    // A regex literal's source as the string: only letters, digits and %XX escapes inside it.
    JS_NQ: `eval(decodeURIComponent(/${js.replace(/[^A-Za-z0-9]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}/.source))`,
    JS_B64HTML: Buffer.from(`<script>${js}</script>`).toString('base64'),
    ID: payload.slug,
  };
  return payload.template.replace(/\{\{([A-Z_0-9]+)\}\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Unknown placeholder ${match} in ${payload.slug}`);
    return value;
  });
}

/**
 * One article body holding `payloads`, each in its own <div> after a heading naming it,
 * between two paragraphs of story text (so the reader has an article to show).
 */
export function batchArticle(payloads: HostilePayload[], origin: string, canary: string): string {
  const parts = payloads.map((p) => `<div><h2>Payload ${p.slug}</h2>\n${expandPayload(p, origin)}\n</div>`);
  const story = 'This paragraph is ordinary story text that the hostile markup around it must not disturb in any way at all.';
  return [
    `<p>${story} It opens the batch.</p>`,
    // The positive control: a plain image on the test server, which the reader does load.
    `<p><img src="${canary}" alt="canary image" width="40" height="20"></p>`,
    ...parts,
    `<p>${story} It closes the batch.</p>`,
  ].join('\n');
}

/** The corpus cut into `count` batches of about equal size, categories mixed in file order. */
export function batches<T>(items: T[], count: number): T[][] {
  const size = Math.ceil(items.length / count);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** How many payloads each category has. */
export function countByCategory(payloads: HostilePayload[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of payloads) counts[p.category] = (counts[p.category] ?? 0) + 1;
  return counts;
}
