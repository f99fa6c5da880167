/**
 * Deleting: nodes go with everything inside them and every edge that touches them; edges alone.
 * What referred to the removed nodes (layout, links, traffic shares, common causes, the entry,
 * routers' target counts, scenarios) is brought back in line so that the document stays valid.
 */
import type { Edge, NinesDocument, Variant } from '../types';
import {
  clampMinTargets,
  pruneDocumentReferences,
  pruneShares,
  repairEntry,
  variantOf,
  withDescendants,
  withVariant,
} from './variant-utils';

/** Removes `nodeIds`, their descendants and their edges from variant `variantId`. */
export function deleteNodes(
  doc: NinesDocument,
  variantId: string,
  nodeIds: Iterable<string>,
): NinesDocument {
  const variant = variantOf(doc, variantId);
  const gone = withDescendants(variant, nodeIds);
  if (![...gone].some((id) => variant.nodes.some((n) => n.id === id))) return doc;
  const next = withVariant(doc, variantId, (v) => {
    const nodes = v.nodes.filter((n) => !gone.has(n.id));
    const regions = new Set(nodes.filter((n) => n.kind === 'region').map((n) => n.id));
    const out: Variant = {
      ...v,
      nodes,
      edges: v.edges.filter((e) => !gone.has(e.from) && !gone.has(e.to)),
    };
    if (v.links) out.links = v.links.filter((l) => regions.has(l.a) && regions.has(l.b));
    if (v.commonCause) {
      // A cause keeps the nodes it still affects; one that affects nothing left goes.
      const causes = v.commonCause
        .map((c) => ({ ...c, affects: c.affects.filter((id) => !gone.has(id)) }))
        .filter((c) => c.affects.length > 0);
      if (causes.length > 0) out.commonCause = causes;
      else delete out.commonCause;
    }
    const shares = pruneShares(v.trafficShare, (r) => regions.has(r));
    if (shares) out.trafficShare = shares;
    else delete out.trafficShare;
    if (v.layout) {
      out.layout = Object.fromEntries(Object.entries(v.layout).filter(([id]) => !gone.has(id)));
    }
    return repairEntry(clampMinTargets(out));
  });
  return pruneDocumentReferences(next);
}

/** Removes `edges` (matched by kind and ends) from variant `variantId`. */
export function deleteEdges(
  doc: NinesDocument,
  variantId: string,
  edges: readonly Edge[],
): NinesDocument {
  const key = (e: Edge) => `${e.kind}:${e.from}>${e.to}`;
  const gone = new Set(edges.map(key));
  const variant = variantOf(doc, variantId);
  if (!variant.edges.some((e) => gone.has(key(e)))) return doc;
  return withVariant(doc, variantId, (v) =>
    repairEntry(clampMinTargets({ ...v, edges: v.edges.filter((e) => !gone.has(key(e))) })),
  );
}
