/**
 * Above the article: the site's fix was used to read it (with "Forget the fix
 * for this site"), the fix was forgotten (with Undo), or what "Remove parts"
 * just did. Information, not an alarm: a quiet box in the article's column.
 */
import { t } from '../../utils/i18n';
import type { ReaderFix } from '../../utils/models/reader-fix';
import { Icon } from '../Icon';

const REMOVED_TEXT = { site: 'fixRemovedSite', page: 'fixRemovedPage', mixed: 'fixRemovedMixed' } as const;

export function FixNotice({ fix }: { fix: ReaderFix }) {
  const note = fix.note.value;
  const forgotten = fix.forgotten.value;
  const removed = fix.removed.value;
  const shown = !!(note || forgotten || removed);
  return (
    // The live region stays in the page, so each new message is announced.
    <div role="status" class={shown ? 'reader-column mb-8' : 'sr-only'}>
      {shown && <Box fix={fix} />}
    </div>
  );
}

function Box({ fix }: { fix: ReaderFix }) {
  const note = fix.note.value;
  const forgotten = fix.forgotten.value;
  const removed = fix.removed.value;
  const busy = fix.busy.value === 'forget';
  const action = forgotten
    ? { label: t('undo'), run: () => void fix.undoForget() }
    : note && !note.pageOnly
      ? { label: t('fixForget'), run: () => void fix.forget() }
      : null;
  return (
    <div class="flex items-start gap-3 rounded-xl border border-line bg-surface px-4 py-3 text-[0.875rem] leading-snug text-ink-soft">
      <Icon name="target" size={18} class="mt-0.5 shrink-0 text-accent" />
      <div class="min-w-0 flex-1 space-y-1">
        {forgotten ? (
          <p>{t('fixForgotten', forgotten.site)}</p>
        ) : (
          <>
            {note?.pageOnly && <p>{t('fixNoticePageOnly', note.site)}</p>}
            {note && !note.pageOnly && (
              <p>
                <span class="font-semibold text-ink">{t('fixNoticeUsed', note.site)}</span> {note.narrowed && t('fixNoticeNarrowed')}{' '}
                {note.removed > 0 && t('fixNoticeRemoved')}
              </p>
            )}
            {removed && <p>{t(REMOVED_TEXT[removed])}</p>}
          </>
        )}
        {action && (
          <button type="button" class="btn btn-quiet -ms-0.5 mt-1.5 min-h-8 px-3 text-[0.8125rem]" aria-busy={busy ? 'true' : undefined} onClick={action.run}>
            {action.label}
          </button>
        )}
      </div>
    </div>
  );
}
