/** The reader's "Fix this page" model: the note, pick, Remove parts' Done, Forget and its Undo. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { ExtractedArticle } from '../../../utils/article/types';
import type { sendMessage } from '../../../utils/messaging';
import { createReaderModel } from '../../../utils/models/reader';
import { createReaderFix, type RemovedParts } from '../../../utils/models/reader-fix';
import type { SiteRule } from '../../../utils/site-rules/types';

beforeEach(() => {
  vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
});

const ARTICLE: ExtractedArticle = {
  url: 'https://news.example/wall', canonicalUrl: 'https://news.example/wall', title: 'T', byline: null, siteName: null,
  publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr', leadImage: null,
  excerpt: null, content: '<p>story</p><p>promo</p>', textContent: 'story promo', wordCount: 2, readingTimeMinutes: 1,
};
const RULE: SiteRule = { site: 'news.example', article: 'div.copy', remove: [], createdAt: 1, updatedAt: 1 };

async function setup(replies: Record<string, unknown>, fix: unknown = { site: 'news.example', narrowed: true, removed: 0 }) {
  const send = vi.fn(async (type: string, _data?: unknown) => {
    if (type === 'reader.load') return { ok: true, value: { source: { kind: 'view', id: 'v1' }, article: ARTICLE, savedId: null, fix } };
    if (type in replies) return replies[type];
    throw new Error(`unexpected ${type}`);
  });
  const reader = createReaderModel({
    send: send as unknown as typeof sendMessage, search: '?view=v1', historyLength: () => 2, back: vi.fn(), assign: vi.fn(),
    loadSaved: vi.fn(async () => null), recordProgress: vi.fn(async () => {}),
  });
  await reader.load();
  return { reader, fix: createReaderFix(reader, { send: send as unknown as typeof sendMessage }), send };
}

const parts = (steps: string[], pageOnly = 0): RemovedParts => ({ content: '<p>story</p>', textContent: 'story', wordCount: 1, readingTimeMinutes: 1, steps, pageOnly });

describe('the reader’s fix model', () => {
  it('shows the view’s fix note and can pick on the original page', async () => {
    const { fix, send } = await setup({ 'fix.pickOriginal': { ok: true, value: undefined } });
    expect(fix.note.value).toEqual({ site: 'news.example', narrowed: true, removed: 0 });
    expect(fix.canPick.value).toBe(true);
    await fix.pick();
    expect(send).toHaveBeenCalledWith('fix.pickOriginal', { source: { kind: 'view', id: 'v1' } });
    expect(fix.error.value).toBeNull();
  });

  it('Done with nothing removed just leaves the mode; with parts removed the reader shows the new content and says what happened', async () => {
    const newFix = { site: 'news.example', narrowed: true, removed: 1 };
    const { reader, fix, send } = await setup({ 'fix.removeParts': { ok: true, value: { fix: newFix, rule: { ...RULE, remove: ['.promo'] } } } });
    fix.startRemoving();
    expect(fix.removing.value).toBe(true);
    expect(await fix.finishRemoving(null)).toBe(true);
    expect(fix.removing.value).toBe(false);
    expect(send).not.toHaveBeenCalledWith('fix.removeParts', expect.anything());

    fix.startRemoving();
    expect(await fix.finishRemoving(parts(['.promo'], 1))).toBe(true);
    expect(send).toHaveBeenCalledWith('fix.removeParts', { source: { kind: 'view', id: 'v1' }, content: '<p>story</p>', textContent: 'story', remove: ['.promo'] });
    expect(reader.article.value?.content).toBe('<p>story</p>');
    expect(reader.article.value?.wordCount).toBe(1);
    expect(fix.note.value).toEqual(newFix);
    expect(fix.removed.value).toBe('mixed');
    expect(fix.removing.value).toBe(false);
  });

  it('a failed Done keeps the mode and says why', async () => {
    const { fix } = await setup({ 'fix.removeParts': { ok: false, code: 'storage', detail: '' } });
    fix.startRemoving();
    expect(await fix.finishRemoving(parts([]))).toBe(false);
    expect(fix.removing.value).toBe(true);
    expect(fix.error.value).toBe('errorStorage');
  });

  it('Forget says so and Undo restores the very rule', async () => {
    const { fix, send } = await setup({ 'fix.forget': { ok: true, value: { rule: RULE } }, 'fix.restore': { ok: true, value: undefined } });
    await fix.forget();
    expect(send).toHaveBeenCalledWith('fix.forget', { site: 'news.example' });
    expect(fix.forgotten.value).toEqual({ site: 'news.example', rule: RULE });
    await fix.undoForget();
    expect(send).toHaveBeenCalledWith('fix.restore', { rule: RULE });
    expect(fix.forgotten.value).toBeNull();
  });

  it('no note for a page read as usual', async () => {
    const { fix } = await setup({}, null);
    expect(fix.note.value).toBeNull();
  });
});
