/**
 * The inspector: the selected node's fields (InspectorNode.tsx), the fields several selected
 * nodes share (InspectorMulti.tsx) or, with nothing selected, the document's settings
 * (InspectorDocument.tsx, with the region links of InspectorLinks.tsx).
 */
import { usePreloadedPriceParts } from '../hooks/usePriceBook';
import { usePlanner } from '../store/context';
import { selectActiveVariant, selectSelectedNode } from '../store/selectors';
import { NodeFields } from './InspectorNode';
import { listEveryInstanceType } from './price-book-options';
import { VariantSummary } from './InspectorDocument';
import { MultiNodeFields } from './InspectorMulti';

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
  const selectedIds = usePlanner((s) => s.selectedNodeIds);
  usePreloadedPriceParts(document !== null, listEveryInstanceType);
  if (!variant || !document) return null;
  const several =
    selectedIds.length > 1 ? variant.nodes.filter((n) => selectedIds.includes(n.id)) : [];
  return (
    <section className="panel inspector" data-testid="inspector" aria-label="Inspector">
      {node ? (
        <NodeFields key={`${variant.id}/${node.id}`} node={node} variant={variant} />
      ) : several.length > 1 ? (
        <MultiNodeFields
          key={`${variant.id}/${selectedIds.join(',')}`}
          nodes={several}
          variant={variant}
        />
      ) : (
        <VariantSummary key={variant.id} variant={variant} document={document} />
      )}
    </section>
  );
}
