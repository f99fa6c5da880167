import { ReactFlowProvider } from '@xyflow/react';
import { PlanCanvas } from '../canvas/PlanCanvas';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useEditorShortcuts } from '../hooks/useEditorShortcuts';
import { useMenuCommands } from '../hooks/useMenuCommands';
import { ServicesProvider, type WindowServices } from '../hooks/useServices';
import { ChangedOnDiskDialog } from '../panels/ChangedOnDiskDialog';
import { CompareView } from '../panels/CompareView';
import { ConfirmDialog } from '../panels/ConfirmDialog';
import { FileMenu } from '../panels/FileMenu';
import { FindingsPanel } from '../panels/FindingsPanel';
import { Inspector } from '../panels/Inspector';
import { Palette } from '../panels/Palette';
import { ProblemsDialog } from '../panels/ProblemsDialog';
import { RecoveryDialog } from '../panels/RecoveryDialog';
import { ResultsPanel } from '../panels/ResultsPanel';
import { ScenarioPanel } from '../panels/ScenarioPanel';
import { TemplateGallery } from '../panels/TemplateGallery';
import { Toolbar } from '../panels/Toolbar';
import { PlannerStoreProvider, usePlanner } from '../store/context';
import type { PlannerStore } from '../store/create-store';

/**
 * One planner window: its store and services, and the layout of the window (the toolbar and the
 * palette reach the canvas through React Flow's provider).
 */
export function App({ store, services }: { store: PlannerStore; services: WindowServices }) {
  return (
    <PlannerStoreProvider store={store}>
      <ServicesProvider services={services}>
        <ReactFlowProvider>
          <Window />
        </ReactFlowProvider>
      </ServicesProvider>
    </PlannerStoreProvider>
  );
}

function Window() {
  useMenuCommands();
  useDocumentTitle();
  useEditorShortcuts();
  const hasDocument = usePlanner((s) => s.document !== null);
  const isGalleryOpen = usePlanner((s) => s.isGalleryOpen);
  const view = usePlanner((s) => s.view);
  return (
    <div className="window">
      <div className="topbar">
        <Toolbar />
        <FileMenu />
      </div>
      {hasDocument && view === 'compare' ? (
        <CompareView />
      ) : hasDocument ? (
        <div className="workspace">
          <Palette />
          <PlanCanvas />
          <aside className="sidebar" aria-label="Details">
            <Inspector />
            <ScenarioPanel />
            <ResultsPanel />
            <FindingsPanel />
          </aside>
        </div>
      ) : (
        <TemplateGallery isStartScreen />
      )}
      {hasDocument && isGalleryOpen && <TemplateGallery isStartScreen={false} />}
      <ProblemsDialog />
      <ConfirmDialog />
      <ChangedOnDiskDialog />
      <RecoveryDialog />
    </div>
  );
}
