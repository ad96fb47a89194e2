/** The content script starts before the body is parsed: it reads the story after DOMContentLoaded, and detects after the load event. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenDomReady, whenLoaded } from '../../../utils/content/dom-ready';

function fakeDocument(readyState: DocumentReadyState): Document & { readyState: DocumentReadyState } {
  const target = new EventTarget() as Document & { readyState: DocumentReadyState };
  Object.defineProperty(target, 'readyState', { value: readyState, writable: true });
  return target;
}

describe('whenDomReady', () => {
  it('waits while the document is loading, then runs once', () => {
    const doc = fakeDocument('loading');
    let runs = 0;
    whenDomReady(doc, () => runs++);
    expect(runs).toBe(0);
    doc.readyState = 'interactive';
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(runs).toBe(1);
  });

  it.each(['interactive', 'complete'] as const)('runs at once when the document is %s', (state) => {
    let runs = 0;
    whenDomReady(fakeDocument(state), () => runs++);
    expect(runs).toBe(1);
  });
});

describe('whenLoaded', () => {
  function fakeWindow(readyState: DocumentReadyState): Window {
    const win = new EventTarget() as Window;
    Object.defineProperty(win, 'document', { value: { readyState } });
    return win;
  }

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the load event, then runs once (the late timer does not run it again)', () => {
    const win = fakeWindow('interactive');
    let runs = 0;
    whenLoaded(win, 3000, () => runs++);
    vi.advanceTimersByTime(2999);
    expect(runs).toBe(0);
    win.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(5000);
    expect(runs).toBe(1);
  });

  it('runs after `latestMs` when the load never comes, and not again when it finally does', () => {
    const win = fakeWindow('interactive');
    let runs = 0;
    whenLoaded(win, 3000, () => runs++);
    vi.advanceTimersByTime(3000);
    expect(runs).toBe(1);
    win.dispatchEvent(new Event('load'));
    expect(runs).toBe(1);
  });

  it('runs at once on a loaded page', () => {
    let runs = 0;
    whenLoaded(fakeWindow('complete'), 3000, () => runs++);
    expect(runs).toBe(1);
  });
});
