// Entry point: the Thai font, theme and shared page styles, translations, then the React app.
// Sarabun (OFL), the Thai government's document typeface, ships with the app: control-room PCs without Thai
// fonts would otherwise show boxes. Only the subsets a page uses are downloaded (unicode-range).
import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/600.css';
import '@fontsource/sarabun/700.css';
import './styles/theme.css';
import './styles/card-page.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { initI18n } from './i18n/i18n';

initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
