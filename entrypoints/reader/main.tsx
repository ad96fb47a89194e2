// The reader page (reader.html?view=<id> | ?article=<id>): styles and one component.
import { render } from 'preact';
import '../../assets/app.css';
import '../../assets/reader-fonts.css';
import '../../assets/reader-themes.css';
import '../../assets/reader.css';
import '../../assets/reader-controls.css';
import '../../assets/reader-print.css';
import { Reader } from '../../components/Reader';

render(<Reader />, document.getElementById('app')!);
