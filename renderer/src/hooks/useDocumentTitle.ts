import { useEffect } from 'react';
import { usePlanner } from '../store/context';
import { selectIsDirty } from '../store/selectors';
import { useServices } from './useServices';

/** Keeps the window title and the host's unsaved-changes marker in step with the document. */
export function useDocumentTitle(): void {
  const { host } = useServices();
  const name = usePlanner((s) => s.document?.name);
  const isDirty = usePlanner(selectIsDirty);
  useEffect(() => {
    document.title = name ? `${isDirty ? '• ' : ''}${name} — Nines` : 'Nines';
  }, [name, isDirty]);
  useEffect(() => {
    void host.setDirty(isDirty);
  }, [host, isDirty]);
}
