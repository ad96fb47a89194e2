// The reader page (reader.html?view=<id> | ?article=<id>): styles and one component.
import { render } from 'preact';
import '../../assets/app.css';
import '../../assets/reader-fonts.css';
import '../../assets/reader-themes.css';
import '../../assets/reader.css';
import '../../assets/reader-controls.css';
import '../../assets/reader-print.css';
import { Reader } from '../../components/Reader';
import { warmReaderFaces } from '../../components/reader/warm-faces';
import { createReaderModel, defaultReaderDeps } from '../../utils/models/reader';
import { createReaderHighlights, defaultHighlightDeps } from '../../utils/models/reader-highlights';
import { createReaderFix } from '../../utils/models/reader-fix';
import { sendMessage } from '../../utils/messaging';

// The article request leaves before the first render: the worker reads it from
// IndexedDB while Preact builds the toolbar and the loading skeleton.
const model = createReaderModel(defaultReaderDeps());
void model.load();
const highlights = createReaderHighlights(defaultHighlightDeps({ savedId: () => model.savedId.value, save: () => model.save() }));
const fix = createReaderFix(model, { send: sendMessage });
warmReaderFaces(model);
render(<Reader model={model} highlights={highlights} fix={fix} />, document.getElementById('app')!);
