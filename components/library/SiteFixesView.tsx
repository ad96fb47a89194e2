/**
 * The library's "Site fixes" view: one entry per site Folio reads with a
 * "Fix this page" rule — what the rule does (the selectors are shown as they
 * are: that is what the rule is), when it changed, and Delete (with Undo).
 * Renders the site fixes model only.
 */
import { formatDate, isoDate } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { SiteFixesModel } from '../../utils/models/site-fixes';
import { FIX_UNDO_MS } from '../../utils/models/site-fixes';
import type { SiteRule } from '../../utils/site-rules/types';
import { ErrorMessage } from '../ErrorMessage';
import { Icon, Spinner } from '../Icon';
import { UndoToast } from '../UndoToast';

export function SiteFixesView({ model }: { model: SiteFixesModel }) {
  const status = model.status.value;
  const rules = model.rules.value;
  const deleted = model.deleted.value;
  return (
    <section aria-labelledby="fixes-heading">
      <h2 id="fixes-heading" class="sr-only">
        {t('libraryViewFixes')}
      </h2>
      <ErrorMessage message={model.error.value} class="mb-4" />
      {status === 'loading' && (
        <p role="status" class="flex items-center gap-2.5 py-10 text-sm text-muted">
          <Spinner /> {t('fixesLoading')}
        </p>
      )}
      {status === 'ready' && rules.length === 0 && (
        <div class="rounded-2xl border border-dashed border-line-strong px-6 py-10 text-center">
          <Icon name="target" size={26} class="mx-auto mb-3 text-muted" />
          <p class="mx-auto max-w-md text-[0.9375rem] leading-relaxed text-ink-soft">{t('fixesEmpty')}</p>
        </div>
      )}
      {rules.length > 0 && (
        <ul aria-label={t('fixesList')} class="space-y-3">
          {rules.map((rule) => (
            <FixRow key={rule.site} rule={rule} onDelete={() => void model.remove(rule.site)} />
          ))}
        </ul>
      )}
      <UndoToast
        message={deleted ? t('fixDeleted', deleted.rule.site) : null}
        serial={deleted?.serial ?? 0}
        durationMs={FIX_UNDO_MS}
        onUndo={() => void model.undo()}
        onDismiss={() => model.dismiss()}
      />
    </section>
  );
}

function FixRow({ rule, onDelete }: { rule: SiteRule; onDelete: () => void }) {
  const changed = formatDate(rule.updatedAt, 'medium');
  return (
    <li class="flex flex-wrap items-start gap-x-4 gap-y-3 rounded-xl border border-line bg-surface px-4 py-3.5">
      <div class="min-w-0 flex-1 space-y-1.5">
        <p class="font-serif text-[1.05rem] font-bold text-ink">{rule.site}</p>
        <dl class="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-[0.8125rem] leading-snug">
          {rule.article && (
            <>
              <dt class="text-muted">{t('fixArticle')}</dt>
              <dd class="min-w-0 break-words">
                <code class="rounded bg-sunken px-1.5 py-0.5 text-ink-soft">{rule.article}</code>
              </dd>
            </>
          )}
          {rule.remove.length > 0 && (
            <>
              <dt class="text-muted">{t('fixRemoves')}</dt>
              <dd class="flex min-w-0 flex-wrap gap-1.5">
                {rule.remove.map((step) => (
                  <code key={step} class="break-all rounded bg-sunken px-1.5 py-0.5 text-ink-soft">
                    {step}
                  </code>
                ))}
              </dd>
            </>
          )}
        </dl>
        {changed && (
          <p class="text-[0.75rem] text-muted">
            <time dateTime={isoDate(rule.updatedAt)}>{t('fixChanged', changed)}</time>
          </p>
        )}
      </div>
      <button type="button" class="btn btn-quiet min-h-9 px-3 text-[0.8125rem]" aria-label={t('fixDeleteLabel', rule.site)} onClick={onDelete}>
        <Icon name="trash" size={16} />
        {t('fixDelete')}
      </button>
    </li>
  );
}
