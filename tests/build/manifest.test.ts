/**
 * Pins what Folio asks of the browser in the manifests users install. Any change
 * to a permission, host permission, content-script match, web-accessible
 * resource or the CSP fails here on purpose: update the pin together with the
 * README's "Permissions" section, which explains each one to users.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRODUCTION_BUILD_DIR } from '../e2e/harness/paths';

/**
 * The extension pages' Content Security Policy, as wxt.config.ts writes it.
 * ONE place to update when the policy changes (it is expected to grow img-src,
 * media-src, style-src, connect-src and frame-src directives).
 */
const EXPECTED_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; img-src 'self' https: http: data: blob:; media-src 'none'; style-src 'self'; font-src 'self'; connect-src 'self' https: http:; frame-src 'none'";

// alarms: the background download of imported links resumes from IndexedDB when an alarm wakes the worker.
const COMMON_PERMISSIONS = ['alarms', 'contextMenus', 'scripting', 'storage', 'tabs', 'unlimitedStorage'];
const EXPECTED = {
  'chrome-mv3': { permissions: [...COMMON_PERMISSIONS, 'offscreen'].sort() },
  'firefox-mv3': { permissions: COMMON_PERMISSIONS },
} as const;
const HOSTS = ['http://*/*', 'https://*/*'];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: Record<string, string>;
  content_scripts?: { matches: string[]; run_at?: string; all_frames?: boolean; match_about_blank?: boolean; world?: string }[];
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
}

describe.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])('%s manifest', (target) => {
  const manifest = (): Manifest => JSON.parse(readFileSync(join(PRODUCTION_BUILD_DIR, target, 'manifest.json'), 'utf8')) as Manifest;

  it('is Manifest V3', () => {
    expect(manifest().manifest_version).toBe(3);
  });

  it('asks for exactly the pinned API permissions (no activeTab: all-hosts access already covers it)', () => {
    expect([...(manifest().permissions ?? [])].sort()).toEqual(EXPECTED[target].permissions);
    expect(manifest().optional_permissions).toBeUndefined();
  });

  it('asks for http(s) sites only, no file://, no <all_urls>', () => {
    expect(manifest().host_permissions).toEqual(HOSTS);
    expect(manifest().optional_host_permissions).toBeUndefined();
  });

  it('runs one content script, in top frames of http(s) pages only', () => {
    const scripts = manifest().content_scripts ?? [];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatchObject({ matches: HOSTS });
    expect(scripts[0]!.all_frames ?? false).toBe(false);
    expect(scripts[0]!.match_about_blank ?? false).toBe(false);
    expect(scripts[0]!.world ?? 'ISOLATED').toBe('ISOLATED');
    // At the start: a document_idle script holds the page's load event (wxt.config.ts).
    expect(scripts[0]!.run_at).toBe('document_start');
  });

  it('exposes nothing to web pages or other extensions', () => {
    expect(manifest().web_accessible_resources).toBeUndefined();
    expect(manifest().externally_connectable).toBeUndefined();
  });

  it('has the pinned Content Security Policy for extension pages and nothing else', () => {
    expect(manifest().content_security_policy).toEqual({ extension_pages: EXPECTED_CSP });
  });
});
