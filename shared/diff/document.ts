/**
 * Changes outside the variants: the document's own fields (name, targets, workload, operations,
 * catalog, texts) on effective values, and the scenarios' definitions matched by id.
 */
import { OPERATIONS_DEFAULTS, TARGET_DEFAULTS } from '../model/defaults';
import type { NinesDocument } from '../model/types';
import { fieldChanges, type DefaultOf, type Fields } from './fields';
import { keyedDiff } from './keyed';
import type { DocumentChanges } from './types';

/** Fields compared elsewhere (variants, scenarios), with their own defaults, or the format tag. */
const COMPARED_APART = new Set(['format', 'variants', 'scenarios', 'targets', 'operations']);
const SCENARIO_IDENTITY = new Set(['id']);

const tableDefault =
  (table: Readonly<Record<string, { value: unknown }>>): DefaultOf =>
  (_owner, field) =>
    table[field]?.value;

/** Compares the document-level fields and the scenario definitions of two documents. */
export function diffDocumentFields(base: NinesDocument, head: NinesDocument): DocumentChanges {
  const targets = fieldChanges(base.targets, head.targets, {
    prefix: 'targets',
    defaultOf: tableDefault(TARGET_DEFAULTS),
  });
  const fields = [
    ...fieldChanges(base as Fields, head as Fields, { ignore: COMPARED_APART }),
    ...fieldChanges(base.operations, head.operations, {
      prefix: 'operations',
      defaultOf: tableDefault(OPERATIONS_DEFAULTS),
    }),
    ...targets,
  ].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  const scenarios = keyedDiff(base.scenarios ?? [], head.scenarios ?? [], (s) => s.id);
  return {
    fields,
    targetsChanged: targets.length > 0,
    scenarios: {
      added: scenarios.added.map((s) => s.id),
      removed: scenarios.removed.map((s) => s.id),
      changed: scenarios.both.flatMap(([b, a]) => {
        const changed = fieldChanges(b, a, { ignore: SCENARIO_IDENTITY });
        return changed.length === 0 ? [] : [{ id: a.id, fields: changed }];
      }),
    },
  };
}

/** True when nothing outside the variants changed. */
export function isDocumentUnchanged(changes: DocumentChanges): boolean {
  return (
    changes.fields.length === 0 &&
    changes.scenarios.added.length === 0 &&
    changes.scenarios.removed.length === 0 &&
    changes.scenarios.changed.length === 0
  );
}
