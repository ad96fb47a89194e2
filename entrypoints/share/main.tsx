// The share window ("Share selection…"): styles and one component.
import { render } from 'preact';
import '../../assets/app.css';
import { SharePage } from '../../components/share/SharePage';

render(<SharePage search={window.location.search} />, document.getElementById('app')!);
