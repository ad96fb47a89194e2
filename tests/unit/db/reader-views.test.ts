import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { closeDB } from '@/utils/db/open';
import { getReaderView, putReaderView } from '@/utils/db/reader-views';
import { READER_VIEW_LIMIT } from '@/utils/db/schema';
import { makeExtracted } from '../helpers/article';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(async () => {
  await closeDB();
});

it('keeps only the newest reader views', async () => {
  const views = [];
  for (let i = 0; i < READER_VIEW_LIMIT + 3; i++) views.push(await putReaderView(makeExtracted(), i));
  expect(await getReaderView(views[0]!.id)).toBeUndefined();
  expect(await getReaderView(views[2]!.id)).toBeUndefined();
  expect(await getReaderView(views[3]!.id)).toBeDefined();
  expect((await getReaderView(views.at(-1)!.id))?.article.title).toBe(makeExtracted().title);
});
