import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/fonts';
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/document.css';
import './styles/highlights.css';
import './styles/highlights-panel.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
