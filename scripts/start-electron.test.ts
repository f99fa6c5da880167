/**
 * `npm start`'s Electron step (scripts/start-electron.mjs) with the three states of the binary
 * mocked: present, downloadable, not downloadable; plus the escape hatches and the Node floor.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureElectron, installedElectron, nodeAtLeast } from './start-electron.mjs';

let electronDir: string;
beforeEach(() => {
  electronDir = mkdtempSync(join(tmpdir(), 'nines-electron-'));
});
afterEach(() => rmSync(electronDir, { recursive: true, force: true }));

/** What Electron's installer leaves behind: dist/<executable> and path.txt naming it. */
function installBinary(dir: string): void {
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'electron'), '');
  writeFileSync(join(dir, 'path.txt'), 'electron');
}

function run(
  env: Record<string, string | undefined>,
  runInstall: () => { ok: boolean; detail: string },
  nodeVersion = 'v22.12.0',
) {
  return ensureElectron({ electronDir, electronVersion: '45.3.4', env, nodeVersion, runInstall });
}

describe('the Electron binary before npm start', () => {
  it('present: starts with it and downloads nothing', () => {
    installBinary(electronDir);
    const install = vi.fn(() => ({ ok: true, detail: '' }));
    expect(run({}, install)).toEqual({ executable: join(electronDir, 'dist', 'electron') });
    expect(install).not.toHaveBeenCalled();
  });

  it('downloadable: runs Electron’s installer once, then starts with what it wrote', () => {
    const install = vi.fn(() => {
      installBinary(electronDir);
      return { ok: true, detail: '' };
    });
    expect(run({}, install)).toEqual({ executable: join(electronDir, 'dist', 'electron') });
    expect(install).toHaveBeenCalledTimes(1);
  });

  it('not downloadable: one paragraph with the reason, the retries and the web app, no stack', () => {
    const install = vi.fn(() => ({
      ok: false,
      detail: 'RequestError: getaddrinfo ENOTFOUND github.com',
    }));
    const outcome = run({}, install);
    expect(outcome).not.toHaveProperty('executable');
    const message = (outcome as { message: string }).message;
    expect(message).toContain('Electron 45.3.4 binary is not installed');
    expect(message).toContain(
      'downloading it failed (RequestError: getaddrinfo ENOTFOUND github.com)',
    );
    for (const hint of ['ELECTRON_MIRROR', 'HTTPS_PROXY', 'npx install-electron', 'npm run web'])
      expect(message).toContain(hint);
    expect(message).not.toMatch(/\n\s+at /);
    expect(message).not.toContain('Electron uninstall');
  });

  it('an installer that exits 0 without writing the binary is a failure too', () => {
    const outcome = run({}, () => ({ ok: true, detail: '' }));
    expect((outcome as { message: string }).message).toContain('the installer wrote no executable');
  });

  it('ELECTRON_SKIP_BINARY_DOWNLOAD: no download, and says why', () => {
    const install = vi.fn(() => ({ ok: true, detail: '' }));
    const outcome = run({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, install);
    expect(install).not.toHaveBeenCalled();
    expect((outcome as { message: string }).message).toContain(
      'ELECTRON_SKIP_BINARY_DOWNLOAD is set',
    );
  });

  it('ELECTRON_OVERRIDE_DIST_PATH and ELECTRON_EXEC_PATH name an Electron of the user’s', () => {
    const own = mkdtempSync(join(tmpdir(), 'nines-own-electron-'));
    try {
      writeFileSync(join(own, 'electron'), '');
      const install = vi.fn(() => ({ ok: true, detail: '' }));
      expect(run({ ELECTRON_OVERRIDE_DIST_PATH: own }, install)).toEqual({
        executable: join(own, 'electron'),
      });
      expect(run({ ELECTRON_EXEC_PATH: join(own, 'electron') }, install)).toEqual({
        executable: join(own, 'electron'),
      });
      expect(install).not.toHaveBeenCalled();
      const missing = run({ ELECTRON_EXEC_PATH: join(own, 'nothing') }, install);
      expect((missing as { message: string }).message).toContain(
        'ELECTRON_EXEC_PATH names no Electron executable',
      );
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('on a Node older than the installer needs: one line, before any download', () => {
    const install = vi.fn(() => ({ ok: true, detail: '' }));
    const outcome = run({}, install, 'v20.20.2');
    expect(install).not.toHaveBeenCalled();
    const message = (outcome as { message: string }).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('Node ≥ 22.12');
    expect(message).toContain('v20.20.2');
    expect(message).toContain('npm run web');
  });

  it('an installed binary starts even on an older Node (electron-vite supports Node 20.19)', () => {
    installBinary(electronDir);
    expect(run({}, () => ({ ok: false, detail: '' }), 'v20.19.0')).toHaveProperty('executable');
  });

  it('compares Node versions by major and minor', () => {
    expect(nodeAtLeast('v22.12.0', [22, 12])).toBe(true);
    expect(nodeAtLeast('v22.11.9', [22, 12])).toBe(false);
    expect(nodeAtLeast('v24.0.0', [22, 12])).toBe(true);
    expect(nodeAtLeast('v20.20.2', [22, 12])).toBe(false);
  });

  it('a path.txt naming a missing executable is not an installed binary', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    expect(installedElectron(electronDir, {})).toBeNull();
  });
});
