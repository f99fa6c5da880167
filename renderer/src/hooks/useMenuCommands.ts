import { useEffect } from 'react';
import { selectAll } from '../canvas/editor-commands';
import { FIRST_HELP_PAGE } from '../help';
import { isModalOpen, isTextEntry } from '../platform/focus';
import { usePlannerStore } from '../store/context';
import { useServices } from './useServices';

/**
 * Carries out the commands of the host's menu (the native menu on the desktop, the keyboard
 * shortcuts in a browser): Export opens the contingency plan's preview and export dialog; Undo,
 * Redo and Select All act on the focused text field when there is one, else on the design; Find
 * opens the node search over the canvas; Help opens the bundled docs or the shortcut sheet.
 * Files the operating system hands the desktop app open as if chosen with Open.
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
          case 'edit:undo':
          case 'edit:redo':
            // A text field keeps its own undo (the desktop menu's accelerator reaches us too).
            if (isTextEntry(document.activeElement)) {
              document.execCommand(command === 'edit:undo' ? 'undo' : 'redo');
            } else if (command === 'edit:undo') store.getState().undo();
            else store.getState().redo();
            break;
          case 'file:export': {
            const { document, activeVariantId, question } = store.getState();
            if (document && activeVariantId && !question && !isModalOpen()) {
              store.getState().setPlanOpen(true);
            }
            break;
          }
          case 'edit:select-all':
            if (isTextEntry(document.activeElement)) document.execCommand('selectAll');
            else if (!isModalOpen()) selectAll(store);
            break;
          case 'edit:find': {
            const { document, view } = store.getState();
            if (document && view === 'design' && !isModalOpen()) store.getState().openNodeSearch();
            break;
          }
          case 'help:docs':
            if (store.getState().helpPage === null) store.getState().setHelpPage(FIRST_HELP_PAGE);
            break;
          case 'help:shortcuts':
            store.getState().setShortcutSheetOpen(true);
            break;
        }
      }),
    [host, actions, store],
  );
  useEffect(() => host.onFileOpened?.((file) => void actions.openReceived(file)), [host, actions]);
}
