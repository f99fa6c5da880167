/**
 * What a project file names that the price book does not know: a region's location its
 * provider has no prices in, or an instance type not priced where the node sits. Each is a
 * warning (`nines validate --strict`, the inspector), never a refusal: the cost engine reports
 * such nodes as unpriced with the same reason. Providers the book has no prices for at all
 * (e.g. `custom`, priced by the document's own `catalog.prices`) are not checked.
 */
import type { ModelNode, NinesDocument } from '../model/types';
import type { PriceBook } from './price-book';
import { bookLocations, bookProviders, instanceTypesAt } from './price-index';

/** A name the book does not know, at its JSON path in the project file. */
export interface PriceWarning {
  /** JSON path, e.g. `variants[0].nodes[3].instanceType`. */
  readonly path: string;
  readonly message: string;
}

/** The region a node sits in (itself for a region), following `parent`. */
function regionOf(byId: ReadonlyMap<string, ModelNode>, node: ModelNode): ModelNode | undefined {
  const seen = new Set<string>();
  for (let at: ModelNode | undefined = node; at && !seen.has(at.id);) {
    if (at.kind === 'region') return at;
    seen.add(at.id);
    at = at.parent === undefined ? undefined : byId.get(at.parent);
  }
  return undefined;
}

/** Every region location and instance type of `doc` that `book` does not price. */
export function priceBookWarnings(doc: NinesDocument, book: PriceBook): PriceWarning[] {
  const providers = new Set(bookProviders(book));
  const documentKeys = new Set(Object.keys(doc.catalog?.prices ?? {}));
  const warnings: PriceWarning[] = [];
  doc.variants.forEach((variant, v) => {
    const byId = new Map(variant.nodes.map((n) => [n.id, n]));
    variant.nodes.forEach((node, n) => {
      const at = `variants[${v}].nodes[${n}]`;
      if (node.kind === 'region') {
        const { provider, location } = node;
        if (provider === undefined || location === undefined || !providers.has(provider)) return;
        if (!bookLocations(book, provider).includes(location)) {
          warnings.push({
            path: `${at}.location`,
            message: `${provider} location "${location}" is not in the price book: what sits in region ${node.id} stays unpriced`,
          });
        }
        return;
      }
      if (node.kind !== 'service' && node.kind !== 'datastore' && node.kind !== 'queue') return;
      const type = node.instanceType;
      if (type === undefined || node.hourlyUsd !== undefined || node.monthlyUsd !== undefined) {
        return;
      }
      const region = regionOf(byId, node);
      if (region?.kind !== 'region') return;
      const { provider, location } = region;
      if (provider === undefined || location === undefined || !providers.has(provider)) return;
      if (!bookLocations(book, provider).includes(location)) return; // reported on the region
      const managed =
        node.kind === 'datastore' ? `managed-${(node.engine ?? 'redis').toLowerCase()}` : '';
      const known = instanceTypesAt(book, provider, location).some(
        (o) => o.type === type && (o.category === 'compute' || o.category === managed),
      );
      const overridden = [managed, 'compute'].some((c) =>
        documentKeys.has(`${provider}:${location}:${c}:${type}`),
      );
      if (!known && !overridden) {
        warnings.push({
          path: `${at}.instanceType`,
          message: `instance type "${type}" is not in the price book for ${provider} ${location}: ${node.id} stays unpriced`,
        });
      }
    });
  });
  return warnings;
}
