/**
 * The CLI as an installed package: `npm pack` (whose `prepack` builds cli/dist/), then the
 * tarball installed with `npm install --omit=dev` into an empty folder, as a user would, and
 * `nines` run from there. Needs npm and its registry (or its cache: `--prefer-offline`);
 * installing takes a while, hence the long timeout — nothing here is timed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { template } from './testing';

const ROOT = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'nines-package-'));
const app = join(work, 'app');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The environment of npm and nines here: no inherited npm settings or Node options. */
function env(): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE_OPTIONS'),
  );
  return { ...clean, NINES_CACHE_DIR: join(work, 'cache') };
}

function npm(args: string[], cwd: string): string {
  return execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, {
    cwd,
    env: env(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function nines(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const bin = join(app, 'node_modules', 'nines', 'cli', 'bin', 'nines.cjs');
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: app,
    env: env(),
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the packed CLI', { timeout: 600_000 }, () => {
  beforeAll(() => {
    const packed = npm(['pack', '--pack-destination', work, '--silent'], ROOT).trim().split('\n');
    const tarball = join(work, packed.at(-1) as string);
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
    npm(['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', tarball], app);
  }, 600_000);

  it('holds the bundle and the price book, not the sources or the build tools', () => {
    const installed = join(app, 'node_modules', 'nines');
    expect(existsSync(join(installed, 'cli', 'dist', 'index.cjs'))).toBe(true);
    expect(existsSync(join(installed, 'assets', 'pricing', 'pricebook.json'))).toBe(true);
    expect(existsSync(join(installed, 'cli', 'index.ts'))).toBe(false);
    expect(existsSync(join(installed, 'shared'))).toBe(false);
    for (const tool of ['esbuild', 'tsx', 'typescript', 'zod'])
      expect(existsSync(join(app, 'node_modules', tool)), tool).toBe(false);
    // The checkout is left as it was: postpack removes the bundle prepack built.
    expect(existsSync(join(ROOT, 'cli', 'dist'))).toBe(false);
  });

  it('installs no package that needs an install script', () => {
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { hasInstallScript?: boolean }>;
    };
    const scripted = Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript);
    expect(scripted.map(([path]) => path)).toEqual([]);
  });

  it('validates a file', () => {
    const file = template('single-region-3az');
    for (const run of [nines('validate', file), nines('validate', file)]) {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${file}: valid\n`);
    }
  });

  it('evaluates a file to JSON with the bundled price book', () => {
    const run = nines('evaluate', '--json', template('active-active-2-regions'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as {
      variants: { availability: unknown; cost: unknown }[];
    };
    expect(report.variants[0]?.availability).toBeTruthy();
    expect(report.variants[0]?.cost).toBeTruthy();
  });

  it('writes a PDF and a DOCX plan', () => {
    const pdf = join(work, 'plan.pdf');
    const docx = join(work, 'plan.docx');
    const run = nines('plan', template('warm-standby-2-regions'), '--pdf', pdf, '--docx', docx);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A DOCX is a zip file.
    expect(readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('reports bad input with exit code 1 and bad usage with 2', () => {
    expect(nines('validate', join(work, 'missing.nines.json')).status).toBe(1);
    expect(nines('frobnicate').status).toBe(2);
  });
});
