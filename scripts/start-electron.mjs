#!/usr/bin/env node
// `npm start` and `npm run dev`: make sure the Electron binary is there, then run electron-vite
// (`preview` builds and opens the app; `dev` serves the renderer with hot reload).
//
// Electron 42 and later download their binary lazily, the first time `require('electron')` runs,
// and electron-vite never does that: it reads node_modules/electron/path.txt and throws
// "Electron uninstall" when the file is missing. So this step runs Electron's own installer
// (node_modules/electron/install.js) first, and when it cannot (offline, a proxy, an old Node)
// ends with one paragraph that says what failed and what to do, never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The oldest Node that Electron's installer (@electron/get 5) declares it supports. */
export const ELECTRON_INSTALL_NODE = [22, 12];

/**
 * Whether `version` (such as "v20.20.2") is at least `floor` ([major, minor]).
 * @param {string} version
 * @param {number[]} floor
 * @returns {boolean}
 */
export function nodeAtLeast(version, floor) {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > floor[0] || (major === floor[0] && minor >= floor[1]);
}

/**
 * The Electron executable that is already installed, or null. Honours, in this order,
 * ELECTRON_EXEC_PATH (electron-vite's variable), ELECTRON_OVERRIDE_DIST_PATH (Electron's: a
 * folder holding an Electron build) and the binary that Electron's installer put in its dist/.
 * @param {string} electronDir the folder of the `electron` package
 * @param {Record<string, string | undefined>} env
 * @returns {string | null}
 */
export function installedElectron(electronDir, env) {
  if (env.ELECTRON_EXEC_PATH)
    return existsSync(env.ELECTRON_EXEC_PATH) ? env.ELECTRON_EXEC_PATH : null;
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const executable = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? defaultExecutable());
    return existsSync(executable) ? executable : null;
  }
  if (!relative) return null;
  const executable = join(electronDir, 'dist', relative);
  return existsSync(executable) ? executable : null;
}

/** The executable's path inside an Electron build folder, as Electron's installer names it. */
function defaultExecutable() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return process.platform === 'win32' ? 'electron.exe' : 'electron';
}

/**
 * The paragraph printed when the binary is missing and cannot be had.
 * @param {string} version Electron's version
 * @param {string} reason what failed, one line
 * @returns {string}
 */
export function failureMessage(version, reason) {
  return [
    `Nines cannot open the desktop app: the Electron ${version} binary is not installed, and ${reason}.`,
    'Electron downloads its binary from GitHub the first time it runs. To retry, check the network',
    'and run `npm start` again (or `npx install-electron`); behind a proxy set HTTPS_PROXY and',
    'ELECTRON_GET_USE_PROXY=true; to download from a mirror set ELECTRON_MIRROR (for example',
    'https://npmmirror.com/mirrors/electron/); to use an Electron you already have, set',
    'ELECTRON_OVERRIDE_DIST_PATH to its folder or ELECTRON_EXEC_PATH to its executable.',
    'Without any download, `npm run web` runs the same app in a browser, and the `nines` command',
    'line and `npm test` need no Electron at all.',
  ].join('\n');
}

/**
 * Makes sure an Electron executable is there, downloading it with Electron's own installer when
 * it is not and may be. Never throws.
 * @param {object} options
 * @param {string} options.electronDir the folder of the `electron` package
 * @param {string} options.electronVersion
 * @param {Record<string, string | undefined>} options.env
 * @param {string} options.nodeVersion such as process.version
 * @param {() => { ok: boolean, detail: string }} options.runInstall runs Electron's installer
 * @returns {{ executable: string } | { message: string }}
 */
export function ensureElectron({ electronDir, electronVersion, env, nodeVersion, runInstall }) {
  const present = installedElectron(electronDir, env);
  if (present) return { executable: present };
  if (env.ELECTRON_EXEC_PATH || env.ELECTRON_OVERRIDE_DIST_PATH) {
    const which = env.ELECTRON_EXEC_PATH ? 'ELECTRON_EXEC_PATH' : 'ELECTRON_OVERRIDE_DIST_PATH';
    return {
      message: failureMessage(electronVersion, `${which} names no Electron executable`),
    };
  }
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD && env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '0') {
    return {
      message: failureMessage(
        electronVersion,
        'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it was not downloaded',
      ),
    };
  }
  if (!nodeAtLeast(nodeVersion, ELECTRON_INSTALL_NODE)) {
    return {
      message:
        `Nines' desktop app needs Node ≥ ${ELECTRON_INSTALL_NODE.join('.')} to install Electron ` +
        `(this is Node ${nodeVersion}): run \`nvm use\` (.nvmrc) or install Node 22 LTS; on Node ` +
        '≥ 20.19, `npm run web`, the `nines` command line and `npm test` work as they are.',
    };
  }
  const { ok, detail } = runInstall();
  const installed = ok ? installedElectron(electronDir, env) : null;
  if (installed) return { executable: installed };
  return {
    message: failureMessage(
      electronVersion,
      `downloading it failed (${detail || 'the installer wrote no executable'})`,
    ),
  };
}

/**
 * Runs node_modules/electron/install.js and keeps its error's first line, not its stack.
 * @param {string} electronDir
 * @returns {{ ok: boolean, detail: string }}
 */
export function runElectronInstaller(electronDir) {
  process.stdout.write('Downloading the Electron binary (once)…\n');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const firstLine =
    (result.stderr ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? '';
  return {
    ok: result.status === 0,
    detail: result.error ? result.error.message : firstLine.slice(0, 300),
  };
}

/**
 * `node scripts/start-electron.mjs preview|dev [args...]`.
 * @param {string[]} argv
 */
async function main(argv) {
  const require = createRequire(import.meta.url);
  const electronDir = dirname(require.resolve('electron/package.json'));
  const electronVersion = require('electron/package.json').version;
  const outcome = ensureElectron({
    electronDir,
    electronVersion,
    env: process.env,
    nodeVersion: process.version,
    runInstall: () => runElectronInstaller(electronDir),
  });
  if ('message' in outcome) {
    process.stderr.write(`\n${outcome.message}\n\n`);
    process.exitCode = 1;
    return;
  }
  const electronVite = join(
    dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  );
  const child = spawn(process.execPath, [electronVite, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_EXEC_PATH: outcome.executable },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('close', (code) => {
    process.exitCode = code ?? 1;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
