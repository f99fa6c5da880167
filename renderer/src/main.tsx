import '@xyflow/react/dist/base.css';
import './styles/theme.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createDocumentActions } from './app/document-actions';
import { BUNDLED_TEMPLATES } from './app/templates';
import { followUrlParams } from './app/url-params';
import { resolveHost } from './platform/host-api';
import { createPlannerStore } from './store/create-store';
import { applySavedTheme } from './theme';

// The theme the person chose, on the page's root before anything is drawn.
applySavedTheme();
const host = resolveHost();
const store = createPlannerStore();
const actions = createDocumentActions(host, store, BUNDLED_TEMPLATES);

// `?template=<file stem>` and `?view=compare`, kept in the address only while they hold.
void followUrlParams(store, actions);
// A recovery copy left by a session that crashed is offered back before this one writes its own.
void actions.checkRecovery();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} services={{ host, actions }} />
  </StrictMode>,
);
