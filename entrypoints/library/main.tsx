// The library page: styles and one component.
import { render } from 'preact';
import '../../assets/app.css';
import { Library } from '../../components/Library';

render(<Library />, document.getElementById('app')!);
