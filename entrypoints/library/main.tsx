// The library page: styles, the model over the library repository, one component.
import { render } from 'preact';
import '../../assets/app.css';
import { LibraryPage } from '../../components/library/LibraryPage';
import { browserLibraryDeps, createLibraryModel } from '../../utils/models/library';
import { libraryRepository } from '../../utils/db/library-repository';

function main() {
  const model = createLibraryModel(browserLibraryDeps(libraryRepository));
  render(<LibraryPage model={model} />, document.getElementById('app')!);
}

main();
