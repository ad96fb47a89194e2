/**
 * "Fix this page" rules in the Folio backup (site-rules.json): exported with
 * the library, restored into a fresh one beside its articles, merged by "the
 * one changed last wins"; a rules entry that breaks the stable-selector
 * grammar refuses the whole file before anything is written; a backup without
 * the entry restores as before.
 */
import { IDBFactory } from 'fake-indexeddb';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAll } from '@/utils/db/library-repository';
import { closeDB, db } from '@/utils/db/open';
import { getSiteRule, listSiteRules, putSiteRule } from '@/utils/db/site-rules';
import { readBundles } from '@/utils/db/transfer';
import type { SiteRule } from '@/utils/site-rules/types';
import { SITE_RULES_PATH } from '@/utils/transfer/backup/format';
import { verifyBackup } from '@/utils/transfer/backup/reader';
import { restoreBackup } from '@/utils/transfer/backup/restore';
import { readSiteRules } from '@/utils/transfer/backup/site-rules';
import { writeBackup } from '@/utils/transfer/backup/writer';
import { runExport } from '@/utils/transfer/export/formats';
import { bundlesOf } from '@/utils/transfer/source';
import { seedLibrary } from '../helpers/export-library';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

const RULES: SiteRule[] = [
  { site: 'news.example', article: '#content div.copy', remove: ['.quay-guide', '#newsletter'], createdAt: 10, updatedAt: 20 },
  { site: 'blog.example', article: null, remove: ['aside.promo-box'], createdAt: 5, updatedAt: 6 },
];

async function backupWith(rules: readonly SiteRule[]): Promise<Blob> {
  await seedLibrary(3);
  const ids = (await listAll()).map((m) => m.id);
  const { blob } = await writeBackup(bundlesOf(ids, readBundles), 1_800_000_000_000, { siteRules: rules });
  await closeDB();
  globalThis.indexedDB = new IDBFactory();
  return blob;
}

const filesOf = async (blob: Blob) => unzipSync(new Uint8Array(await blob.arrayBuffer()));
const zipOf = (files: Record<string, Uint8Array>) => new Blob([zipSync(files as Zippable) as BlobPart]);

describe('site rules in the backup', () => {
  it('go out as one entry and come back into a fresh library with its articles', async () => {
    const blob = await backupWith(RULES);
    expect(Object.keys(await filesOf(blob))).toContain(SITE_RULES_PATH);
    expect(await readSiteRules(blob)).toEqual(RULES);
    expect((await verifyBackup(blob)).articles).toBe(3);
    expect(await restoreBackup(blob)).toEqual({ restored: 3, duplicates: 0 });
    expect(await listSiteRules()).toEqual(RULES);
  });

  it('the export of the library page carries them in a backup only', async () => {
    await seedLibrary(2);
    const ids = (await listAll()).map((m) => m.id);
    const backup = await runExport('backup', ids, readBundles, { siteRules: RULES, now: 1 });
    expect(await readSiteRules(backup.blob)).toEqual(RULES);
    const bookmarks = await runExport('bookmarks', ids, readBundles, { siteRules: RULES, now: 1 });
    expect(await bookmarks.blob.text()).not.toContain('quay-guide');
  });

  it('a site fixed here since the backup keeps its newer rule; an older one here takes the backup’s', async () => {
    const blob = await backupWith(RULES);
    const newer: SiteRule = { ...RULES[0]!, article: 'main.story', updatedAt: 99 };
    const older: SiteRule = { ...RULES[1]!, remove: ['.old'], updatedAt: 1 };
    await putSiteRule(newer);
    await putSiteRule(older);
    await restoreBackup(blob);
    expect(await getSiteRule('news.example')).toEqual(newer);
    expect(await getSiteRule('blog.example')).toEqual(RULES[1]);
  });

  it('a backup without rules writes no entry and restores as before', async () => {
    const blob = await backupWith([]);
    expect(Object.keys(await filesOf(blob))).not.toContain(SITE_RULES_PATH);
    expect(await readSiteRules(blob)).toEqual([]);
    expect(await restoreBackup(blob)).toEqual({ restored: 3, duplicates: 0 });
    expect(await listSiteRules()).toEqual([]);
  });

  it('refuses rules that break the grammar, repeat a site or are not JSON, and writes nothing', async () => {
    const files = await filesOf(await backupWith(RULES));
    const bad = [
      [{ rules: [{ ...RULES[0], article: 'body > div:nth-child(2)' }] }, /not a stable selector/],
      [{ rules: [{ ...RULES[1], remove: ['p'] }] }, /not a stable selector/],
      [{ rules: [{ ...RULES[0], article: 'div.css-1q2w3e' }] }, /not a stable selector/],
      [{ rules: [RULES[0], { ...RULES[0], updatedAt: 1 }] }, /two rules for one site/],
      [{ rules: [{ ...RULES[0], site: 'www.news.example' }] }, /bad site/],
      [{ rules: [{ ...RULES[1], remove: [] }] }, /does nothing/],
    ] as const;
    for (const [entry, message] of bad) {
      await expect(restoreBackup(zipOf({ ...files, [SITE_RULES_PATH]: strToU8(JSON.stringify(entry)) }))).rejects.toThrow(message);
    }
    await expect(restoreBackup(zipOf({ ...files, [SITE_RULES_PATH]: strToU8('{not json') }))).rejects.toThrow(/not valid JSON/);
    const conn = await db();
    expect(await conn.count('articles')).toBe(0);
    expect(await conn.count('siteRules')).toBe(0);
  });
});
