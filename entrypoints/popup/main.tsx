// The toolbar popup: styles and one component; everything else lives in components/ and utils/models/.
import { render } from 'preact';
import '../../assets/app.css';
import { Popup } from '../../components/Popup';

render(<Popup />, document.getElementById('app')!);
