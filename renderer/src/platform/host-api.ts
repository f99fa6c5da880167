/**
 * The renderer's one way to its host. In the desktop app the preload exposes `window.nines`;
 * anywhere else (a browser, the end-to-end tests) the web host stands in with the same API.
 * This module is the only reader of the preload bridge.
 */
import type { HostApi } from '../../../shared/ipc/contract';
import { createWebHost } from './web-host';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    readonly nines?: HostApi;
  }
}

/** The host this window runs in: the preload bridge when present, else the web host. */
export function resolveHost(): HostApi {
  return window.nines ?? createWebHost();
}
