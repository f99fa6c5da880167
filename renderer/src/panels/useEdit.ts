/** One inspector edit: checked by the model operation, committed as one undo step. */
import type { EditResult } from '../../../shared/model/ops/validation';
import type { NinesDocument } from '../../../shared/model/types';
import { usePlannerStore } from '../store/context';

/** Binds an edit to the store: `check` tries it, `commit` stores it as one undo step. */
export function useEdit(
  label: string,
  edit: (document: NinesDocument, value: unknown) => EditResult,
) {
  const store = usePlannerStore();
  return {
    check: (value: unknown): EditResult => {
      const { document } = store.getState();
      return document ? edit(document, value) : { ok: false, message: 'no document' };
    },
    commit: (value: unknown): string | null =>
      store.getState().commitEdit(label, (document) => edit(document, value)),
  };
}
