import { useEffect } from 'react';
import { usePlannerStore } from '../store/context';
import { useServices } from './useServices';

/**
 * Carries out the commands of the host's menu (the native menu on the desktop, the keyboard
 * shortcuts in a browser). Export, undo, redo and About have no handler until their features
 * exist, so they do nothing yet. Files the operating system hands the desktop app open as if
 * chosen with Open.
 */
export function useMenuCommands(): void {
  const { host, actions } = useServices();
  const store = usePlannerStore();
  useEffect(
    () =>
      host.onMenuCommand((command) => {
        switch (command) {
          case 'file:new':
            store.getState().setGalleryOpen(true);
            break;
          case 'file:open':
            void actions.openFile();
            break;
          case 'file:save':
            void actions.save(false);
            break;
          case 'file:save-as':
            void actions.save(true);
            break;
          case 'file:export':
          case 'edit:undo':
          case 'edit:redo':
          case 'help:about':
            break;
        }
      }),
    [host, actions, store],
  );
  useEffect(() => host.onFileOpened?.((file) => void actions.openReceived(file)), [host, actions]);
}
