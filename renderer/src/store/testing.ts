/** For tests: a planner store with a document open, as if just read from a file. */
import type { NinesDocument } from '../../../shared/model/types';
import { serializeDocument } from '../../../shared/schema/serialize';
import { createPlannerStore, type PlannerStore } from './create-store';

/** A new store with `document` open (saved as `name`, so not dirty). */
export function storeWithDocument(document: NinesDocument, name = 'x.nines.json'): PlannerStore {
  const store = createPlannerStore();
  store.getState().openDocument({
    document,
    fileId: null,
    name,
    savedText: serializeDocument(document),
  });
  return store;
}
