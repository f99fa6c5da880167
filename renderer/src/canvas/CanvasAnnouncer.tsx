/**
 * The canvas's polite live regions (visually hidden): one says the selection, or what a keyboard
 * command just did, whichever changed last; the other says the headline result when it changes
 * (`Availability 99.9988 %, target met.`).
 */
import { useState } from 'react';
import { useResultsState } from '../hooks/useResults';
import { usePlanner } from '../store/context';
import { selectActiveVariant } from '../store/selectors';
import { resultsSentence, selectionSentence } from './announcements';

/** The latest of two texts to change (`action` first when both change at once). */
function useLatestOf(selection: string, action: string): string {
  const [seen, setSeen] = useState({ selection, action, latest: action || selection });
  if (seen.selection !== selection || seen.action !== action) {
    const latest = seen.action !== action ? action : selection;
    setSeen({ selection, action, latest });
    return latest;
  }
  return seen.latest;
}

export function CanvasAnnouncer({ action }: { action: string }) {
  const variant = usePlanner(selectActiveVariant);
  const nodeIds = usePlanner((s) => s.selectedNodeIds);
  const edgeIds = usePlanner((s) => s.selectedEdgeIds);
  const target = usePlanner((s) => s.document?.targets?.availability);
  const { results } = useResultsState();
  const said = useLatestOf(selectionSentence(variant, nodeIds, edgeIds), action);
  const availability = results?.availability?.requestWeighted;
  return (
    <>
      <div className="visually-hidden" role="status" data-testid="canvas-announcement">
        {said}
      </div>
      <div className="visually-hidden" role="status" data-testid="results-announcement">
        {availability === undefined ? '' : resultsSentence(availability, target)}
      </div>
    </>
  );
}
