/**
 * "Fix this page" in the reader: go back to the original page to pick the
 * article there, the "Remove parts" mode, and the note that says when the
 * site's fix was used (with "Forget the fix for this site" and its Undo).
 *
 * The DOM side of "Remove parts" (which block the pointer means, taking it
 * out and putting it back) belongs to the page (components/reader/RemoveParts.tsx);
 * this model holds the mode and sends what the user removed to the background,
 * which stores the article and the site's rule (utils/background/fix-page.ts).
 */
import { computed, signal } from '@preact/signals';
import { isHttpUrl } from '../url';
import { errorText, t } from '../i18n';
import type { sendMessage } from '../messaging';
import type { FixNote, SiteRule } from '../site-rules/types';
import type { ReaderModel } from './reader';

export interface ReaderFixDeps {
  send: typeof sendMessage;
}

/** What "Remove parts" produced: the stored HTML without the parts, its text, and the kinds of block the rule should remove. */
export interface RemovedParts {
  content: string;
  textContent: string;
  wordCount: number;
  readingTimeMinutes: number;
  /** Steps that name exactly what was removed (utils/site-rules/blocks.ts ruleSteps). */
  steps: string[];
  /** Parts removed from this article only (nothing stable names them). */
  pageOnly: number;
}

/** Said after "Done": whether the site's next articles will leave the parts out too. */
export type RemovedOutcome = 'site' | 'page' | 'mixed';

export type ReaderFix = ReturnType<typeof createReaderFix>;

export function createReaderFix(reader: ReaderModel, deps: ReaderFixDeps) {
  const removing = signal(false);
  const busy = signal<'pick' | 'remove' | 'forget' | null>(null);
  const error = signal<string | null>(null);
  /** After "Forget the fix for this site": the rule it was (for Undo), until Undo or the next page. */
  const forgotten = signal<{ site: string; rule: SiteRule | null } | null>(null);
  const removed = signal<RemovedOutcome | null>(null);

  /** The fix note of the article shown; null for a saved article (its content is the fix) or a page read as usual. */
  const note = computed<FixNote | null>(() => {
    const status = reader.status.value;
    return status.kind === 'ready' ? status.doc.fix ?? null : null;
  });
  /** Picking needs the original page; a reader without its address cannot go back to it. */
  const canPick = computed(() => reader.status.value.kind === 'ready' && isHttpUrl(reader.article.value?.url));

  function failed(what: string, e: unknown): void {
    console.warn(`[folio] ${what} failed`, e);
    error.value = t('errorUnavailable');
  }

  /** Back to the original page; the picker comes up there (the tab leaves the reader on success). */
  async function pick(): Promise<void> {
    const source = reader.source;
    if (!source || busy.value) return;
    busy.value = 'pick';
    error.value = null;
    try {
      const result = await deps.send('fix.pickOriginal', { source });
      if (!result.ok) error.value = errorText(result.code);
    } catch (e) {
      failed('fix.pickOriginal', e);
    } finally {
      busy.value = null;
    }
  }

  function startRemoving(): void {
    if (reader.status.value.kind !== 'ready') return;
    reader.panel.value = null;
    removed.value = null;
    error.value = null;
    removing.value = true;
  }

  /** "Done": nothing removed leaves the mode; otherwise the background stores it, and the mode ends when it has. */
  async function finishRemoving(parts: RemovedParts | null): Promise<boolean> {
    const source = reader.source;
    if (!parts || !source) {
      removing.value = false;
      return true;
    }
    if (busy.value) return false;
    busy.value = 'remove';
    error.value = null;
    try {
      const result = await deps.send('fix.removeParts', { source, content: parts.content, textContent: parts.textContent, remove: parts.steps });
      if (!result.ok) {
        error.value = errorText(result.code);
        return false;
      }
      const current = reader.status.value.kind === 'ready' ? reader.status.value.doc : null;
      // A saved article has no note: its stored content is the fix.
      reader.showFixed(parts, current?.source.kind === 'view' ? result.value.fix : current?.fix);
      removed.value = parts.steps.length === 0 ? 'page' : parts.pageOnly > 0 ? 'mixed' : 'site';
      forgotten.value = null;
      removing.value = false;
      return true;
    } catch (e) {
      failed('fix.removeParts', e);
      return false;
    } finally {
      busy.value = null;
    }
  }

  /** The reader could not find the parts in the stored article: nothing changes, the mode stays. */
  function removeFailed(): void {
    error.value = t('fixRemoveFailed');
  }

  async function forget(): Promise<void> {
    const site = note.value?.site;
    if (!site || busy.value) return;
    busy.value = 'forget';
    error.value = null;
    try {
      const result = await deps.send('fix.forget', { site });
      if (result.ok) {
        forgotten.value = { site, rule: result.value.rule };
        removed.value = null;
      } else error.value = errorText(result.code);
    } catch (e) {
      failed('fix.forget', e);
    } finally {
      busy.value = null;
    }
  }

  async function undoForget(): Promise<void> {
    const was = forgotten.value;
    if (!was || busy.value) return;
    if (!was.rule) {
      forgotten.value = null;
      return;
    }
    busy.value = 'forget';
    try {
      const result = await deps.send('fix.restore', { rule: was.rule });
      if (result.ok) forgotten.value = null;
      else error.value = errorText(result.code);
    } catch (e) {
      failed('fix.restore', e);
    } finally {
      busy.value = null;
    }
  }

  return { removing, busy, error, forgotten, removed, note, canPick, pick, startRemoving, finishRemoving, removeFailed, forget, undoForget };
}
