/**
 * "Compare with…": asks the host for another project file (the file picker in a browser, the
 * open dialog in the desktop app) and opens the diff view against it. A file that does not
 * parse is refused with its problems listed, and nothing changes.
 */
import type { HostApi } from '../../../shared/ipc/contract';
import { parseDocumentText } from '../../../shared/schema/parse';
import type { PlannerStore } from '../store/create-store';
import { openDiff } from './diff-state';

/** Shows the host's open dialog and opens the diff view against the chosen file. */
export async function compareWithFile(host: HostApi, store: PlannerStore): Promise<void> {
  const opened = await host.openFile();
  if (!opened.ok) {
    if (opened.code !== 'cancelled') {
      store
        .getState()
        .showProblems({ title: 'Cannot compare', message: opened.message, problems: [] });
    }
    return;
  }
  const file = opened.value;
  if (file === null) return;
  const parsed = parseDocumentText(file.text);
  if (!parsed.ok) {
    store.getState().showProblems({
      title: `Cannot compare with ${file.name}`,
      message: `${file.name} has problems; nothing was compared.`,
      problems: parsed.problems,
    });
    return;
  }
  openDiff(file, parsed.document);
}
