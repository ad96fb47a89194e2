// The library page: styles, the model over the library repository, one component.
import { render } from 'preact';
import '../../assets/app.css';
import { LibraryPage } from '../../components/library/LibraryPage';
import { onUpgradeBlocked } from '../../utils/db/open';
import { libraryRepository } from '../../utils/db/library-repository';
import { libraryErrorText } from '../../utils/i18n';
import { listAllHighlights } from '../../utils/db/highlights';
import { browserLibraryDeps, createLibraryModel } from '../../utils/models/library';
import { browserHighlightsDeps, createHighlightsModel } from '../../utils/models/library-highlights';

function main() {
  const model = createLibraryModel(browserLibraryDeps(libraryRepository, libraryErrorText));
  const highlights = createHighlightsModel(browserHighlightsDeps(listAllHighlights, libraryRepository.search, libraryErrorText), model.articlesById);
  onUpgradeBlocked(model.setBlocked);
  // Before the first render: the database opens while the page renders its frame.
  void model.start();
  render(<LibraryPage model={model} highlights={highlights} />, document.getElementById('app')!);
}

main();
