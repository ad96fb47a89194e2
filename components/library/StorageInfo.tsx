/** "12.4 MB used of 2.1 GB", and whether the browser may clear it. */
import { formatBytes } from '../../utils/format';
import { t } from '../../utils/i18n';
import type { StorageUsage } from '../../utils/library/types';

export function StorageInfo({ usage, idPrefix }: { usage: StorageUsage | null; idPrefix: string }) {
  if (!usage) return null;
  const share = usage.quotaBytes > 0 ? Math.min(1, usage.usedBytes / usage.quotaBytes) : 0;
  return (
    <section aria-labelledby={`${idPrefix}-storage-heading`} class="px-3">
      <h2 id={`${idPrefix}-storage-heading`} class="eyebrow mb-2">
        {t('libraryStorage')}
      </h2>
      <p class="text-[0.8125rem] font-medium text-ink-soft">
        {t('libraryStorageUsed', formatBytes(usage.usedBytes), formatBytes(usage.quotaBytes))}
      </p>
      <div aria-hidden="true" class="mt-2 h-1.5 overflow-hidden rounded-full bg-sunken">
        <div class="h-full rounded-full bg-accent" style={{ width: `${Math.max(share * 100, usage.usedBytes > 0 ? 1.5 : 0)}%` }} />
      </div>
      <p class="mt-2 text-[0.75rem] leading-relaxed text-muted">
        {usage.persisted ? t('libraryStoragePersistent') : t('libraryStorageBestEffort')}
      </p>
    </section>
  );
}
