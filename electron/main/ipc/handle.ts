/**
 * The one way main answers the renderer: every channel is registered through `handle`, which
 * checks who is asking, validates what is asked, runs the handler and turns every failure into
 * a `Result` with a code, so that nothing but data crosses the bridge.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { HostErrorCode, Result } from '../../../shared/ipc/contract';
import { devServerUrl } from '../dev-server';
import { APP_HOST, APP_SCHEME } from '../protocol';

/** A failure a handler reports on purpose, with the code the renderer sees. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/**
 * Whether a frame at `frameUrl` may call main: a page of the app (`app://nines/...`), or, in
 * development only, a page of the dev server at `devServerUrl`.
 */
export function isTrustedSenderUrl(frameUrl: string, devServerUrl?: string): boolean {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  // `URL.origin` is "null" for custom schemes, so compare scheme and host instead.
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  if (devServerUrl === undefined) return false;
  try {
    return url.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

/** The parts of an invoke event the handlers use (tests build plain objects of this shape). */
export type InvokeEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * Builds the listener for one channel: a request from an untrusted frame answers `forbidden`,
 * one the schema refuses answers `invalid-request`, a `HostError` keeps its code, a missing
 * file answers `not-found`, and any other failure answers `io`.
 */
export function createHandler<S extends z.ZodType, T>(
  schema: S,
  run: (request: z.output<S>, event: InvokeEvent) => Promise<T> | T,
  trustedDevUrl: string | undefined = devServerUrl(),
): (event: InvokeEvent, raw: unknown) => Promise<Result<T>> {
  return async (event, raw) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (event.senderFrame?.parent || !isTrustedSenderUrl(frameUrl, trustedDevUrl)) {
      return { ok: false, code: 'forbidden', message: 'This window may not use the host API.' };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`)
        .join('; ');
      return { ok: false, code: 'invalid-request', message: `Invalid request: ${detail}` };
    }
    try {
      return { ok: true, value: await run(parsed.data, event) };
    } catch (error) {
      return toFailure(error);
    }
  };
}

function toFailure(error: unknown): Result<never> {
  if (error instanceof HostError) return { ok: false, code: error.code, message: error.message };
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT') return { ok: false, code: 'not-found', message };
  return { ok: false, code: 'io', message };
}

/** Registers `run` on `channel` behind the sender and request checks of `createHandler`. */
export function handle<S extends z.ZodType, T>(
  channel: string,
  schema: S,
  run: (request: z.output<S>, event: InvokeEvent) => Promise<T> | T,
): void {
  ipcMain.handle(channel, createHandler(schema, run));
}
