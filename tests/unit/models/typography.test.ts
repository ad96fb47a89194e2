/** Typography settings: synced items, invalid values fall back, changes from elsewhere apply live. */
import { describe, expect, it } from 'vitest';
import { createTypographyModel } from '../../../utils/models/typography';
import { readerTheme } from '../../../utils/settings';

describe('typography model', () => {
  it('starts from storage, writes choices, ignores unknown ones, and follows other tabs', async () => {
    await readerTheme.setValue('sepia');
    const model = createTypographyModel();
    await model.start();
    expect(model.theme.value.value).toBe('sepia');
    expect(model.fontFamily.value.value).toBe('serif');

    await model.fontFamily.set('dyslexic');
    expect(model.fontFamily.value.value).toBe('dyslexic');
    await model.fontFamily.set('comic' as never);
    expect(model.fontFamily.value.value).toBe('dyslexic');

    // Another tab (or another browser, through sync) changes it.
    await readerTheme.setValue('dark');
    await new Promise((r) => setTimeout(r, 0));
    expect(model.theme.value.value).toBe('dark');
    // A value from a future version falls back to the default.
    await readerTheme.setValue('neon' as never);
    await new Promise((r) => setTimeout(r, 0));
    expect(model.theme.value.value).toBe('auto');
    model.dispose();
  });
});
