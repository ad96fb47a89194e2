// The library page: styles, the model over the library repository, one component.
import { render } from 'preact';
import '../../assets/app.css';
import { LibraryPage } from '../../components/library/LibraryPage';
import { onUpgradeBlocked } from '../../utils/db/open';
import { libraryRepository } from '../../utils/db/library-repository';
import { readBundles } from '../../utils/db/transfer';
import { exportErrorText, libraryErrorText } from '../../utils/i18n';
import { createExportModel, downloadBlob, libraryScopeIds } from '../../utils/models/export';
import { browserLibraryDeps, createLibraryModel } from '../../utils/models/library';
import { runExport } from '../../utils/transfer/export/formats';

function main() {
  const model = createLibraryModel(browserLibraryDeps(libraryRepository, libraryErrorText));
  const exporter = createExportModel({
    run: (format, ids, options) => runExport(format, ids, readBundles, options),
    download: downloadBlob,
    errorText: exportErrorText,
    ids: (scope) => libraryScopeIds(model, scope),
  });
  onUpgradeBlocked(model.setBlocked);
  render(<LibraryPage model={model} exporter={exporter} />, document.getElementById('app')!);
}

main();
