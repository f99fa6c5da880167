/** IPC of the crash-recovery copy. */
import { z } from 'zod';
import { CHANNELS } from '../../../shared/ipc/contract';
import { MAX_FILE_CHARS } from '../../../shared/schema/parse';
import type { RecoveryStore } from '../services/recovery';
import { handle } from './handle';

export const writeRecoveryRequest = z.strictObject({ text: z.string().max(MAX_FILE_CHARS) });

export function registerRecoveryHandlers(recovery: RecoveryStore): void {
  handle(CHANNELS.writeRecovery, writeRecoveryRequest, ({ text }) => recovery.write(text));
  handle(CHANNELS.readRecovery, z.undefined(), () => recovery.read());
  handle(CHANNELS.clearRecovery, z.undefined(), () => recovery.clear());
}
