import { useEffect } from 'react';
import { usePlanner } from '../store/context';
import { selectIsDirty } from '../store/selectors';
import { useServices } from './useServices';

/**
 * Keeps the window title and the host's unsaved-changes marker in step with the document. The
 * desktop host draws its own marker (a `•` before the title, the edited dot on macOS), so the
 * page adds the `•` only in a browser.
 */
export function useDocumentTitle(): void {
  const { host } = useServices();
  const name = usePlanner((s) => s.document?.name);
  const isDirty = usePlanner(selectIsDirty);
  const marker = isDirty && host.kind === 'web' ? '• ' : '';
  useEffect(() => {
    document.title = name ? `${marker}${name} — Nines` : 'Nines';
  }, [name, marker]);
  useEffect(() => {
    void host.setDirty(isDirty);
  }, [host, isDirty]);
}
