import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base stylesheets come first, so the ones that features import with their components
// (actors, notes, search, export) come later and win over them at equal specificity.
import './styles/fonts';
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/document.css';
import './styles/highlights.css';
import './styles/side-panels.css';
import './styles/highlights-panel.css';
import { App } from './App';
import { keepAnswersLive } from './data/live-changes';
import { queryClient } from './data/op-queries';
import { askForOpeningDocument } from './reader/early-open';
import { routeFromHash } from './route';
import { prefetchViewsWhenShown } from './views';

askForOpeningDocument(window.location.hash);
keepAnswersLive(queryClient);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
prefetchViewsWhenShown(routeFromHash(window.location.hash).kind === 'document');
