import { useReactFlow } from '@xyflow/react';
import {
  ChartScatter,
  FilePlus2,
  FolderOpen,
  BadgeDollarSign,
  Grid3x3,
  Maximize,
  Redo2,
  Save,
  Undo2,
  Workflow,
} from 'lucide-react';
import { useState } from 'react';
import { selectFileName } from '../app/file-names';
import { autoLayout } from '../canvas/auto-layout';
import { useServices } from '../hooks/useServices';
import { usePlanner, usePlannerStore } from '../store/context';
import { selectIsDirty } from '../store/selectors';
import { DiagramExportMenu } from './DiagramExportMenu';
import { PlanButton } from './PlanDialog';
import { VariantTabs } from './VariantTabs';
import { viewDuration } from '../platform/motion';

/** Characters kept at the end of a cut file name: the extension and a little before it. */
const FILE_NAME_TAIL = 12;

/**
 * Where `text` is cut in two: before its extension (`.nines.json`) when that is no longer than
 * `FILE_NAME_TAIL`, so that a cut name reads `checkout-acti….nines.json` rather than ending in a
 * stray letter (`…d.nines.json`); else that many characters from the end (at most half).
 */
export function middleCut(text: string): number {
  const dot = text.indexOf('.', 1);
  if (dot > 0 && text.length - dot <= FILE_NAME_TAIL) return dot;
  return Math.max(0, text.length - Math.min(FILE_NAME_TAIL, Math.floor(text.length / 2)));
}

/**
 * `text` on one line, cut in the middle when it does not fit (`active-acti….nines.json`), so
 * that its end (a file's extension) stays; the whole text is in the tooltip of its container.
 */
function MiddleEllipsis({ text }: { text: string }) {
  const cut = middleCut(text);
  return (
    <span className="middle-ellipsis">
      <span className="middle-ellipsis__head">{text.slice(0, cut)}</span>
      <span className="middle-ellipsis__tail">{text.slice(cut)}</span>
    </span>
  );
}

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/**
 * The window's top bar: document commands, undo and redo, auto-layout, fit and snapping, the
 * document's name and the variant tabs.
 */
export function Toolbar() {
  const { actions } = useServices();
  const document = usePlanner((s) => s.document);
  const fileName = usePlanner(selectFileName);
  const hasFile = usePlanner((s) => s.file.fileId !== null);
  const isDirty = usePlanner(selectIsDirty);
  const setGalleryOpen = usePlanner((s) => s.setGalleryOpen);
  const store = usePlannerStore();
  const canUndo = usePlanner((s) => s.past.length > 0);
  const canRedo = usePlanner((s) => s.future.length > 0);
  const undoLabel = usePlanner((s) => s.past.at(-1)?.label);
  const redoLabel = usePlanner((s) => s.future.at(-1)?.label);
  const isSnapToGrid = usePlanner((s) => s.isSnapToGrid);
  const isCardFiguresShown = usePlanner((s) => s.isCardFiguresShown);
  const view = usePlanner((s) => s.view);
  const { fitView, getViewport } = useReactFlow();
  const [isLayingOut, setLayingOut] = useState(false);
  const runAutoLayout = () => {
    setLayingOut(true);
    void autoLayout(store, getViewport())
      .then(() => fitView({ padding: 0.05, maxZoom: 1, duration: viewDuration(200) }))
      .finally(() => setLayingOut(false));
  };
  return (
    <div className="toolbar" role="toolbar" aria-label="Document">
      <span className="brand" role="img" aria-label="Nines">
        <span className="brand__mark" aria-hidden>
          9s
        </span>
      </span>
      <div className="toolbar__group">
        <button
          type="button"
          className="tool"
          onClick={() => setGalleryOpen(true)}
          aria-label="New"
          title={`New from template (${MOD}N)`}
        >
          <FilePlus2 size={15} aria-hidden /> <span className="tool__label">New</span>
        </button>
        <button
          type="button"
          className="tool"
          onClick={() => void actions.openFile()}
          aria-label="Open"
          title={`Open (${MOD}O)`}
        >
          <FolderOpen size={15} aria-hidden /> <span className="tool__label">Open</span>
        </button>
        <button
          type="button"
          className="tool"
          onClick={() => void actions.save(false)}
          disabled={!document}
          aria-label="Save"
          title={`Save (${MOD}S)`}
        >
          <Save size={15} aria-hidden /> <span className="tool__label">Save</span>
        </button>
      </div>
      {document && (
        <>
          <div className="toolbar__group">
            <button
              type="button"
              className="tool tool--icon"
              onClick={() => store.getState().undo()}
              disabled={!canUndo}
              aria-label="Undo"
              title={`Undo${undoLabel ? ` ${undoLabel.toLowerCase()}` : ''} (${MOD}Z)`}
            >
              <Undo2 size={15} aria-hidden />
            </button>
            <button
              type="button"
              className="tool tool--icon"
              onClick={() => store.getState().redo()}
              disabled={!canRedo}
              aria-label="Redo"
              title={`Redo${redoLabel ? ` ${redoLabel.toLowerCase()}` : ''} (${MOD}Shift+Z)`}
            >
              <Redo2 size={15} aria-hidden />
            </button>
            <button
              type="button"
              className="tool"
              onClick={runAutoLayout}
              disabled={isLayingOut}
              aria-label="Auto-layout"
              title="Lay out the variant automatically, children inside their containers"
            >
              <Workflow size={15} aria-hidden /> <span className="tool__label">Auto-layout</span>
            </button>
            <button
              type="button"
              className="tool tool--icon"
              onClick={() =>
                void fitView({ padding: 0.05, maxZoom: 1, duration: viewDuration(200) })
              }
              aria-label="Fit"
              title="Fit the design in view"
            >
              <Maximize size={15} aria-hidden />
            </button>
            <button
              type="button"
              className="tool tool--icon"
              aria-pressed={isSnapToGrid}
              onClick={() => store.getState().setSnapToGrid(!isSnapToGrid)}
              aria-label="Snap to grid"
              title="Snap to a 10 px grid while dragging"
            >
              <Grid3x3 size={15} aria-hidden />
            </button>
            <button
              type="button"
              className="tool tool--icon"
              aria-pressed={isCardFiguresShown}
              onClick={() => store.getState().setCardFiguresShown(!isCardFiguresShown)}
              aria-label="Card figures"
              title="Show each card's monthly cost and its share of the downtime"
              data-testid="card-figures-toggle"
            >
              <BadgeDollarSign size={15} aria-hidden />
            </button>
          </div>
          <div className="toolbar__group">
            <button
              type="button"
              className="tool"
              aria-pressed={view === 'compare'}
              onClick={() => store.getState().setView(view === 'compare' ? 'design' : 'compare')}
              aria-label="Compare"
              title="Compare the variants: cost, nines and every scenario"
            >
              <ChartScatter size={15} aria-hidden />{' '}
              <span className="tool__label--wide">Compare</span>
            </button>
            <PlanButton />
            <DiagramExportMenu />
          </div>
          <div
            className="toolbar__doc"
            title={`${document.name}\n${fileName}${hasFile ? '' : ' (not saved)'}${isDirty ? ', unsaved changes' : ''}`}
          >
            <span className="toolbar__doc-name" data-testid="document-name">
              {document.name}
            </span>
            <span className="toolbar__doc-file">
              <MiddleEllipsis text={fileName} />
              {!hasFile && <span className="toolbar__doc-state"> · not saved</span>}
              {isDirty && <span className="dirty-dot" role="img" aria-label="unsaved changes" />}
            </span>
          </div>
          <VariantTabs />
        </>
      )}
    </div>
  );
}
