// The library page: styles, the model over the library repository, one component.
import { render } from 'preact';
import '../../assets/app.css';
import { LibraryPage } from '../../components/library/LibraryPage';
import { onUpgradeBlocked } from '../../utils/db/open';
import { libraryRepository } from '../../utils/db/library-repository';
import { libraryErrorText } from '../../utils/i18n';
import { browserLibraryDeps, createLibraryModel } from '../../utils/models/library';

function main() {
  const model = createLibraryModel(browserLibraryDeps(libraryRepository, libraryErrorText));
  onUpgradeBlocked(model.setBlocked);
  // Before the first render: the database opens while the page renders its frame.
  void model.start();
  render(<LibraryPage model={model} />, document.getElementById('app')!);
}

main();
