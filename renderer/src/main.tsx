import '@xyflow/react/dist/base.css';
import './styles/theme.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createDocumentActions } from './app/document-actions';
import { BUNDLED_TEMPLATES } from './app/templates';
import { resolveHost } from './platform/host-api';
import { createPlannerStore } from './store/create-store';

const host = resolveHost();
const store = createPlannerStore();
const actions = createDocumentActions(host, store, BUNDLED_TEMPLATES);

// `?template=<file stem>` opens a bundled template instead of the start screen.
const template = new URLSearchParams(window.location.search).get('template');
if (template) void actions.openTemplate(template);
// `?view=compare` opens the comparison of variants instead of the design.
if (new URLSearchParams(window.location.search).get('view') === 'compare') {
  store.getState().setView('compare');
}
// A recovery copy left by a session that crashed is offered back before this one writes its own.
void actions.checkRecovery();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} services={{ host, actions }} />
  </StrictMode>,
);
