/**
 * The shape of the planner's state: one interface per slice (the slices in slices/ implement
 * them) and `PlannerState`, their union with the window's actions. Kept apart from the slices and
 * from create-store.ts so that a slice can name the whole state without importing the module that
 * imports it (no import cycle).
 */
import type { NinesDocument } from '../../../shared/model/types';
import type { EditResult } from '../../../shared/model/ops/validation';
import type { Clipboard } from '../../../shared/model/ops/paste';
import type { Problem } from '../../../shared/model/invariants';
import type { WhatIfChoice } from '../canvas/what-if';

/** A document ready to show, with where it came from. */
export interface LoadedDocument {
  readonly document: NinesDocument;
  /** The host's handle of the file, or null for a document not yet saved (a template). */
  readonly fileId: string | null;
  readonly name: string;
  /**
   * The document's serialization as it stands on disk (or as created), for the dirty check;
   * null for a document never written anywhere (a restored recovery copy), dirty from the start.
   */
  readonly savedText: string | null;
}

interface WindowActions {
  /**
   * Replaces the open document: first variant shown, nothing selected, no undo history, dialogs
   * closed.
   */
  openDocument: (loaded: LoadedDocument) => void;
}

export type PlannerState = DocumentSlice &
  HistorySlice &
  SelectionSlice &
  CanvasSlice &
  FileSlice &
  UiSlice &
  ScenarioSlice &
  LayoutSlice &
  WindowActions;

/** The open document and which of its variants the canvas shows. */
export interface DocumentSlice {
  document: NinesDocument | null;
  activeVariantId: string | null;
  /** Goes up by one each time a document is opened, so views can reset (fit the canvas). */
  openCount: number;
  /** Shows another variant; selection belongs to the variant shown, so it is cleared. */
  setActiveVariant: (variantId: string) => void;
}

/** Where the canvas looks: React Flow's viewport (pan in px, zoom factor). */
export interface CanvasView {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/**
 * One undoable step: the document as it was before, and what the step did; for a step that also
 * moved the view (auto-layout fits the new layout), the view that showed that document.
 */
export interface HistoryStep {
  readonly document: NinesDocument;
  readonly label: string;
  readonly view?: CanvasView;
}

/**
 * Undo and redo of document changes. Every change goes through `commit` (one step), or through
 * `commit` calls between `beginGesture` and `endGesture` (one step for the whole gesture, such
 * as a drag). Selection, viewport and measurements never create steps.
 */
export interface HistorySlice {
  past: readonly HistoryStep[];
  future: readonly HistoryStep[];
  /** The document when the gesture under way began, with its label; null outside a gesture. */
  gesture: HistoryStep | null;
  /**
   * Applies `fn` to the document as one step labelled `label`; no step when nothing changed. The
   * standard drills of what the step brought in join the step (`withNewDrills`, docs/ui.md).
   * `view`, for a step that moves the view too: the view before it, which undo brings back.
   */
  commit: (
    label: string,
    fn: (document: NinesDocument) => NinesDocument,
    view?: CanvasView,
  ) => void;
  /**
   * Applies an edit that can be refused: one step when accepted; when refused the document
   * stays as it was and the reason is returned.
   */
  commitEdit: (label: string, fn: (document: NinesDocument) => EditResult) => string | null;
  /** Starts a gesture: the commits until `endGesture` make one step labelled `label`. */
  beginGesture: (label: string) => void;
  /** Ends the gesture, recording one step if the document changed during it. */
  endGesture: () => void;
  /** Undoes the last step; one that moved the view asks the canvas for the view it had. */
  undo: () => void;
  redo: () => void;
}

/**
 * What the user has selected on the canvas: nodes and edges of the active variant. Selection
 * never changes the document and never creates an undo step.
 */
export interface SelectionSlice {
  /** The one selected node, or null when none or several are selected. */
  selectedNodeId: string | null;
  selectedNodeIds: readonly string[];
  /** Selected edges, by their React Flow id (`kind:from>to`). */
  selectedEdgeIds: readonly string[];
  /** Selects one node of the active variant, or clears the selection with `null`. */
  selectNode: (nodeId: string | null) => void;
  /** Selects these nodes and edges (ids not in the active variant are left out). */
  setSelection: (nodeIds: readonly string[], edgeIds: readonly string[]) => void;
}

/** Editor state of the canvas that is not the document: the clipboard, snapping, the pointer. */
export interface CanvasSlice {
  /** What Copy took, for Paste; kept per window, outside the document. */
  clipboard: Clipboard | null;
  /** Dragged and dropped nodes snap to a 10 px grid. */
  isSnapToGrid: boolean;
  /** Each card shows its monthly cost and its share of the downtime (the toolbar's toggle). */
  isCardFiguresShown: boolean;
  /**
   * Where the pointer is over the canvas, in canvas coordinates (px), for Paste; null when it is
   * not over the canvas.
   */
  pointer: { readonly x: number; readonly y: number } | null;
  setClipboard: (clipboard: Clipboard) => void;
  setSnapToGrid: (isOn: boolean) => void;
  setCardFiguresShown: (isOn: boolean) => void;
  setPointer: (pointer: { readonly x: number; readonly y: number } | null) => void;
  /** The canvas's current view, as the canvas reports it (undefined without a canvas). */
  readView: () => CanvasView | undefined;
  /** The canvas registers how to read its view while it is shown (and unregisters). */
  setViewReader: (read: () => CanvasView | undefined) => void;
  /** A view undo or redo asks the canvas to show (`seq` tells two requests apart). */
  viewRequest: { readonly view: CanvasView; readonly seq: number } | null;
  /** The canvas has shown the requested view. */
  clearViewRequest: () => void;
}

/** Where the open document lives and what was last written there. */
export interface FileState {
  /** The host's handle of the file; null until the document is saved or when it is new. */
  fileId: string | null;
  /** File name to show, e.g. `checkout.nines.json`. */
  name: string;
  /**
   * Serialized text of the document as last opened or saved; the document is dirty when its
   * serialization differs (see `selectIsDirty`). Null when it was never written (a restored
   * recovery copy), so it stays dirty until saved.
   */
  savedText: string | null;
}

export interface FileSlice {
  file: FileState;
  /** Records a successful save: the file's handle, its name and the text written. */
  markSaved: (saved: { fileId: string; name: string; text: string }) => void;
}

/** Something that went wrong, shown in a dialog: what happened and, for a file, each problem. */
export interface ProblemReport {
  readonly title: string;
  readonly message: string;
  readonly problems: readonly Problem[];
}

/** The recovery copy a session that did not close cleanly left behind, offered back at start. */
export interface RecoveryOffer {
  /** File name the copy belonged to, or null when the copy does not say (an older copy). */
  readonly fileName: string | null;
  /** When the copy was written, ms since 1970, or null when the copy does not say. */
  readonly writtenAtMs: number | null;
  /** Why the copy cannot be opened; empty when it parses and can be restored. */
  readonly problems: readonly Problem[];
}

/** A question that protects work; the answer goes to the document actions, not the store. */
export type PendingQuestion =
  /** The open document has unsaved changes and another is about to replace it. */
  | { readonly kind: 'discard'; readonly documentName: string }
  /** Another program changed the file since it was read, and Save would overwrite it. */
  | { readonly kind: 'changed-on-disk'; readonly fileName: string };

/** Window state that is neither the document nor the selection. */
export interface UiSlice {
  /** The template gallery (New) is showing over the open document. */
  isGalleryOpen: boolean;
  /** The contingency plan's preview and export dialog (Plan, or File → Export…) is open. */
  isPlanOpen: boolean;
  problemReport: ProblemReport | null;
  recoveryOffer: RecoveryOffer | null;
  question: PendingQuestion | null;
  setGalleryOpen: (isOpen: boolean) => void;
  setPlanOpen: (isOpen: boolean) => void;
  showProblems: (report: ProblemReport) => void;
  dismissProblems: () => void;
  setRecoveryOffer: (offer: RecoveryOffer | null) => void;
  setQuestion: (question: PendingQuestion | null) => void;
}

/** What the window shows in its middle: the design (canvas) or the comparison of variants. */
export type WindowView = 'design' | 'compare';

/** How the window looks at the results: the comparison view, and scenario mode on the canvas. */
export interface ScenarioSlice {
  view: WindowView;
  /** The scenario shown on the canvas (scenario mode), or null. */
  activeScenarioId: string | null;
  /** A what-if asked on the canvas and not in the document; shown while it is the active one. */
  whatIf: WhatIfChoice | null;
  setView: (view: WindowView) => void;
  /** Enters scenario mode for `scenarioId`, or leaves it with null. */
  setActiveScenario: (scenarioId: string | null) => void;
  /** Enters scenario mode for a what-if asked on the canvas. */
  askWhatIf: (whatIf: WhatIfChoice) => void;
}

/** A chart that can leave the results column for the wide area (where the canvas is). */
export type WideChart = 'sensitivity' | 'simulation';

/**
 * What the window shows around the design: a chart opened in the wide area, the bundled help,
 * the keyboard-shortcut sheet and the node search. None of it is saved with the document.
 */
export interface LayoutSlice {
  /** The chart shown in the wide area in place of the palette and canvas, or null. */
  wideChart: WideChart | null;
  /** The bundled help page open (its file stem, `ui`, `model`…), or null when Help is closed. */
  helpPage: string | null;
  isShortcutSheetOpen: boolean;
  isNodeSearchOpen: boolean;
  /** Goes up each time the node search is asked for, so that its box takes the focus again. */
  nodeSearchFocus: number;
  setWideChart: (chart: WideChart | null) => void;
  setHelpPage: (page: string | null) => void;
  setShortcutSheetOpen: (isOpen: boolean) => void;
  /** Shows the node search (or, shown, gives its box the focus). */
  openNodeSearch: () => void;
  closeNodeSearch: () => void;
}
