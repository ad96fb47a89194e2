/**
 * The backup's "Fix this page" rules (`site-rules.json`, format.ts), apart
 * from the article entries: read, checked and merged into the library on their
 * own, so the article path (reader.ts, restore.ts) only lets the entry's name
 * through. A backup without the entry (written before rules existed, or by a
 * library without any) has no rules: nothing to restore.
 */
import * as s from 'valibot';
import { mergeSiteRules } from '../../db/site-rules';
import { newerRule } from '../../site-rules/edit';
import type { SiteRule } from '../../site-rules/types';
import { listZip, readEntry, ZipFormatError } from '../zip-reader';
import { BackupSiteRulesSchema, issueText, MAX_SITE_RULES_BYTES, SITE_RULES_PATH } from './format';
import { BackupFormatError } from './reader';

/** The backup's rules, checked; throws BackupFormatError when the entry is there and wrong. */
export async function readSiteRules(file: Blob): Promise<SiteRule[]> {
  let bytes: Uint8Array;
  try {
    const entry = (await listZip(file)).find((e) => e.name === SITE_RULES_PATH);
    if (!entry) return [];
    bytes = await readEntry(file, entry, MAX_SITE_RULES_BYTES);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new BackupFormatError(`The backup cannot be read: ${error.message}`);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new BackupFormatError(`“${SITE_RULES_PATH}” is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const parsed = s.safeParse(BackupSiteRulesSchema, json);
  if (!parsed.success) throw new BackupFormatError(`“${SITE_RULES_PATH}” is not a valid list of site rules (${issueText(parsed.issues)}).`);
  return parsed.output.rules;
}

/** Writes checked rules into the library: a site keeps whichever rule was changed last. Returns how many were written. */
export function restoreSiteRules(rules: readonly SiteRule[]): Promise<number> {
  return rules.length ? mergeSiteRules(rules, newerRule) : Promise.resolve(0);
}
