/** For tests: a window's store with `document` open, clean, as if just opened. */
import type { NinesDocument } from '../../../shared/model/types';
import { serializeDocument } from '../../../shared/schema/serialize';
import { createPlannerStore, type PlannerStore } from './create-store';

/** A store with `document` open as the file `name` (none: never saved). */
export function storeWith(document: NinesDocument, name = ''): PlannerStore {
  const store = createPlannerStore();
  store.getState().openDocument({
    document,
    fileId: null,
    name,
    savedText: serializeDocument(document),
  });
  return store;
}
