// The library page: styles, the models over the library repository, one component.
import { render } from 'preact';
import '../../assets/app.css';
import { LibraryPage } from '../../components/library/LibraryPage';
import { onUpgradeBlocked } from '../../utils/db/open';
import { libraryRepository } from '../../utils/db/library-repository';
import { libraryErrorText } from '../../utils/i18n';
import { createFetchProgressModel } from '../../utils/models/fetch-progress';
import { browserLibraryDeps, createLibraryModel } from '../../utils/models/library';
import { createImportModel } from '../../utils/models/library-import';
import { browserFetchProgressDeps, browserImportDeps, onLibraryChange } from '../../utils/transfer/import/page-deps';

function main() {
  const model = createLibraryModel(browserLibraryDeps(libraryRepository, libraryErrorText));
  const importer = createImportModel(browserImportDeps());
  const downloads = createFetchProgressModel(browserFetchProgressDeps());
  onUpgradeBlocked(model.setBlocked);
  onLibraryChange(() => void downloads.refresh());
  void downloads.refresh();
  render(<LibraryPage model={model} importer={importer} downloads={downloads} />, document.getElementById('app')!);
}

main();
