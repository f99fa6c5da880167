import { app } from 'electron';

/**
 * Where `electron-vite dev` serves the renderer, or `undefined` in a packaged app or a preview
 * build (a packaged app never trusts the environment to name another origin).
 */
export function devServerUrl(): string | undefined {
  if (app.isPackaged) return undefined;
  return process.env['ELECTRON_RENDERER_URL'] || undefined;
}
