/** "Import": a real button (keyboard, name) that opens the file chooser of a hidden file input. */
import type { RefObject } from 'preact';
import { t } from '../../utils/i18n';
import type { ImportModel } from '../../utils/models/library-import';
import { Icon } from '../Icon';

export const IMPORT_ACCEPT = '.zip,.csv,.html,.htm,application/zip,text/csv,text/html';

export function ImportButton({ model, inputRef }: { model: ImportModel; inputRef: RefObject<HTMLInputElement | null> }) {
  return (
    <>
      <button type="button" class="btn btn-quiet min-h-9 px-3" title={t('importButtonHint')} onClick={() => inputRef.current?.click()}>
        <Icon name="import" size={16} />
        {t('importButton')}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={IMPORT_ACCEPT}
        class="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-import-file
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void model.choose(file);
        }}
      />
    </>
  );
}
