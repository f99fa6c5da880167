/**
 * The state of File → Import → Terraform JSON…: pick a file, import it, hold the result for the
 * report dialog, open it (and select a node) when the person says so.
 */
import { useCallback, useState } from 'react';
import { standardDrills } from '../../../shared/engine';
import { useServices } from '../hooks/useServices';
import { usePlannerStore } from '../store/context';
import { importTerraformFile, type PendingImport } from './run-import';

export interface TerraformImport {
  /** Shows the file picker and imports the chosen file. */
  readonly pick: () => void;
  readonly busy: boolean;
  /** The import on show in the report dialog. */
  readonly pending: PendingImport | null;
  /** Whether the design opens with the standard drills as its scenarios. */
  readonly withDrills: boolean;
  readonly setWithDrills: (on: boolean) => void;
  /** Opens the imported design; with `nodeId`, selects that node. */
  readonly open: (nodeId?: string) => Promise<void>;
  readonly dismiss: () => void;
}

export function useTerraformImport(): TerraformImport {
  const { actions } = useServices();
  const store = usePlannerStore();
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [busy, setBusy] = useState(false);
  const [withDrills, setWithDrills] = useState(true);

  const pick = useCallback(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return;
      setBusy(true);
      void importTerraformFile(file)
        .then((outcome) => {
          if (outcome.ok) setPending(outcome.value);
          else {
            store.getState().showProblems({
              title: `Cannot import ${outcome.fileName}`,
              message: `${outcome.message} Nothing was opened; the document you had open is unchanged.`,
              problems: [],
            });
          }
        })
        .finally(() => setBusy(false));
    });
    input.click();
  }, [store]);

  const open = useCallback(
    async (nodeId?: string) => {
      if (!pending) return;
      const design = pending.document;
      const document = withDrills ? { ...design, scenarios: standardDrills(design) } : design;
      const opened = await actions.openUnsaved(document, pending.designName);
      if (!opened) return;
      setPending(null);
      if (nodeId !== undefined) store.getState().selectNode(nodeId);
    },
    [actions, pending, store, withDrills],
  );

  return {
    pick,
    busy,
    pending,
    withDrills,
    setWithDrills,
    open,
    dismiss: () => setPending(null),
  };
}
