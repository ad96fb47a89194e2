import { describe, expect, it } from 'vitest';
import { storageFailure } from '@/utils/flows';
import { failureOf } from '@/utils/handlers/register';
import { ValidationError } from '@/utils/validate';

describe('failures the user must understand', () => {
  it('a full disk is reported as "quota", so the UI can say what to do', () => {
    expect(storageFailure(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toMatchObject({ ok: false, code: 'quota' });
    // Firefox's older name for the same condition.
    expect(failureOf(new DOMException('quota', 'NS_ERROR_DOM_QUOTA_REACHED'))).toMatchObject({ code: 'quota' });
  });

  it('other IndexedDB errors are "storage"; a bad request is "invalid"', () => {
    expect(failureOf(new DOMException('aborted', 'AbortError'))).toMatchObject({ code: 'storage', detail: 'AbortError: aborted' });
    expect(failureOf(new ValidationError('bad id'))).toMatchObject({ code: 'invalid' });
  });
});
