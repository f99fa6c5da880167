/**
 * The inspector: the selected node's fields (InspectorNode.tsx) or, with nothing selected, the
 * document's settings (InspectorDocument.tsx, with the region links of InspectorLinks.tsx).
 */
import { usePlanner } from '../store/context';
import { selectActiveVariant, selectSelectedNode } from '../store/selectors';
import { NodeFields } from './InspectorNode';
import { VariantSummary } from './InspectorDocument';

/**
 * The selected node's fields as inputs, each with its unit; a field the file leaves out shows
 * its documented default as the placeholder, marked as such, with the default's source on hover.
 * With nothing selected, the document's settings: names, entry, targets, workload and traffic
 * shares. Each accepted value is one undo step.
 */
export function Inspector() {
  const node = usePlanner(selectSelectedNode);
  const variant = usePlanner(selectActiveVariant);
  const document = usePlanner((s) => s.document);
  const count = usePlanner((s) => s.selectedNodeIds.length);
  if (!variant || !document) return null;
  return (
    <section className="panel inspector" data-testid="inspector" aria-label="Inspector">
      {node ? (
        <NodeFields key={`${variant.id}/${node.id}`} node={node} variant={variant} />
      ) : count > 1 ? (
        <p className="inspector__hint">
          {count} nodes selected: Delete removes them, Ctrl+C copies them, Ctrl+D duplicates them.
        </p>
      ) : (
        <VariantSummary key={variant.id} variant={variant} document={document} />
      )}
    </section>
  );
}
