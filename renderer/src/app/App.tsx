import { ReactFlowProvider } from '@xyflow/react';
import { PlanCanvas } from '../canvas/PlanCanvas';
import { DiffView, useDiffTarget } from '../diff';
import { displayName } from '../canvas/describe';
import { EmptyCanvasHint, HelpDocs, HelpMenu, ShortcutSheet, useHelpKeys } from '../help';
import { ThemeMenu } from '../theme';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useEditorShortcuts } from '../hooks/useEditorShortcuts';
import { useMenuCommands } from '../hooks/useMenuCommands';
import { ServicesProvider, type WindowServices } from '../hooks/useServices';
import { SideColumn, WideArea, WideAreaProvider } from '../layout';
import { ChangedOnDiskDialog } from '../panels/ChangedOnDiskDialog';
import { CompareView } from '../panels/CompareView';
import { ConfirmDialog } from '../panels/ConfirmDialog';
import { FileMenu } from '../panels/FileMenu';
import { FindingsPanel, FindingsSummary } from '../panels/FindingsPanel';
import { Inspector } from '../panels/Inspector';
import { Palette } from '../panels/Palette';
import { ProblemsDialog } from '../panels/ProblemsDialog';
import { RecoveryDialog } from '../panels/RecoveryDialog';
import { ResultsPanel, ResultsSummary } from '../panels/ResultsPanel';
import { ScenarioPanel } from '../panels/ScenarioPanel';
import { TemplateGallery } from '../panels/TemplateGallery';
import { Toolbar } from '../panels/Toolbar';
import { NodeSearch } from '../search';
import { PlannerStoreProvider, usePlanner } from '../store/context';
import type { PlannerStore } from '../store/create-store';
import { selectSelectedNode } from '../store/selectors';

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
  useHelpKeys();
  const hasDocument = usePlanner((s) => s.document !== null);
  const isGalleryOpen = usePlanner((s) => s.isGalleryOpen);
  const view = usePlanner((s) => s.view);
  const diffTarget = useDiffTarget();
  return (
    <div className="window">
      <header className="topbar">
        {hasDocument && <DocumentHeading />}
        <Toolbar />
        <FileMenu />
        <ThemeMenu />
        <HelpMenu />
      </header>
      {hasDocument && diffTarget ? (
        <DiffView target={diffTarget} />
      ) : hasDocument && view === 'compare' ? (
        <CompareView />
      ) : hasDocument ? (
        <Workspace />
      ) : (
        <TemplateGallery isStartScreen />
      )}
      {hasDocument && isGalleryOpen && <TemplateGallery isStartScreen={false} />}
      <ProblemsDialog />
      <ConfirmDialog />
      <ChangedOnDiskDialog />
      <RecoveryDialog />
      <ShortcutSheet />
      <HelpDocs />
    </div>
  );
}

/**
 * The design: the palette and the canvas (with its hint and the node search over it), a chart
 * opened wide over both, and the right column's sections.
 */
function Workspace() {
  const isWide = usePlanner((s) => s.wideChart !== null);
  const activeScenarioId = usePlanner((s) => s.activeScenarioId);
  return (
    <WideAreaProvider>
      <div className="workspace">
        <main className="workspace__design" inert={isWide} aria-label="Design">
          <Palette />
          <div className="workspace__canvas">
            <PlanCanvas />
            <EmptyCanvasHint />
            <NodeSearch />
          </div>
        </main>
        <WideArea />
        <SideColumn
          sections={[
            {
              id: 'inspector',
              title: 'Inspector',
              summary: <InspectorSummary />,
              content: <Inspector />,
            },
            {
              id: 'results',
              title: 'Results',
              summary: <ResultsSummary />,
              // Scenario mode's panel opens at the top of the results, wherever it was asked.
              revealOn: activeScenarioId,
              content: (
                <>
                  <ScenarioPanel />
                  <ResultsPanel />
                </>
              ),
            },
            {
              id: 'findings',
              title: 'Findings',
              summary: <FindingsSummary />,
              content: <FindingsPanel />,
            },
          ]}
        />
      </div>
    </WideAreaProvider>
  );
}

/** The page's one heading of level 1, for assistive technology: the open document's name. */
function DocumentHeading() {
  const name = usePlanner((s) => s.document?.name ?? '');
  return <h1 className="visually-hidden">{name}</h1>;
}

/** What the inspector shows, in a few words for its header: the selected node, or the design. */
function InspectorSummary() {
  const node = usePlanner(selectSelectedNode);
  const count = usePlanner((s) => s.selectedNodeIds.length);
  const text = node ? displayName(node) : count > 1 ? `${count} nodes` : 'the design';
  return <span title={text}>{text}</span>;
}
