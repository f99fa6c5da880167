/** IPC of the window itself: the unsaved-changes marker. */
import { BrowserWindow } from 'electron';
import { z } from 'zod';
import { CHANNELS } from '../../../shared/ipc/contract';
import { setWindowDirty } from '../window';
import { handle } from './handle';

export const setDirtyRequest = z.strictObject({ isDirty: z.boolean() });

export function registerWindowHandlers(): void {
  handle(CHANNELS.setDirty, setDirtyRequest, ({ isDirty }, event) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    if (win) setWindowDirty(win, isDirty);
  });
}
