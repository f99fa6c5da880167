/**
 * Readable, unique ids for new nodes and variants: `app-2`, `zone-3`, `variant-2`.
 */
import type { NinesDocument, NodeKind } from '../types';

/** The stem of a new node's id, by kind. */
export const ID_STEMS: Readonly<Record<NodeKind, string>> = {
  region: 'region',
  zone: 'zone',
  router: 'router',
  service: 'app',
  datastore: 'db',
  queue: 'queue',
  objectStore: 'bucket',
  backup: 'backup',
  external: 'ext',
};

/** Every node id used in any variant of `doc` (ids stay unique across variants for scenarios). */
export function usedNodeIds(doc: NinesDocument): Set<string> {
  return new Set(doc.variants.flatMap((v) => v.nodes.map((n) => n.id)));
}

/** The first `stem-n` (n = 1, 2, …) not in `used`. */
export function freshId(stem: string, used: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${stem}-${n}`;
    if (!used.has(id)) return id;
  }
}
