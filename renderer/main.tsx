import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles.css';
import { installValidation } from './components/validation';

installValidation();

createRoot(document.getElementById('root')!).render(<App />);
