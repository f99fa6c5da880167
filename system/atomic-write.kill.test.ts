/**
 * A killed save never tears a file: a child process saves numbered 2 MB versions in a loop
 * (__fixtures__/atomic-write-child.ts, the real writeFileAtomic, no mocks; bundled once into a
 * plain module so that each start is quick) and is killed with
 * SIGKILL at seeded random moments. After each kill the file is one whole version, its .bak is
 * one whole earlier version (the one before, or the same when the kill fell between the two
 * renames), every older backup is a whole version no newer than the one above it, and nothing
 * else in the folder looks like the document. KILL_SEED overrides the seed.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { versionText } from './__fixtures__/atomic-write-child';
import { BACKUP_GENERATIONS, backupPathOf } from './atomic-write';
import { bundledChild, type BundledChild } from '../shared/testing/bundled-child';
import { seededRandom as random } from '../shared/testing/seeded-random';

const SEED = Number(process.env.KILL_SEED ?? 9);
const KILLS = 50;
const CHILD_SOURCE = new URL('./__fixtures__/atomic-write-child.ts', import.meta.url).pathname;

/** Starts the writer at version `first`, waits until it runs, lets it save for `ms`, kills it. */
function saveThenKill(file: string, first: number, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle.module, file, String(first)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), ms));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited with ${code}`)),
    );
  });
}

/** The version number of `text` when it is exactly a whole version, else undefined. */
function wholeVersion(text: string): number | undefined {
  const n = Number(/^version (\d+)\n/.exec(text)?.[1]);
  return Number.isInteger(n) && text === versionText(n) ? n : undefined;
}

let dir: string;
/** The writer bundled as a plain module: each kill starts it with plain `node`. */
let bundle: BundledChild;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nines-kill-'));
  bundle = await bundledChild(CHILD_SOURCE);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await bundle.remove();
});

/** Backup generations, newest first. */
const generations = Array.from({ length: BACKUP_GENERATIONS }, (_, i) => i + 1);

describe('writeFileAtomic killed mid-save', () => {
  it(`${KILLS} kills at random moments: always a whole version and whole backups`, async () => {
    const file = path.join(dir, 'plan.nines.json');
    const next = random(SEED);
    let version = -1;
    let sameAsBackup = 0;
    let tempsLeft = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const at = `seed ${SEED}, kill ${kill}`;
      // Kills from the first write (before any save completes) to several saves in.
      await saveThenKill(file, version + 1, Math.floor(next() * 60));
      const names = await readdir(dir);
      const temps = names.filter((n) =>
        /^\.plan\.nines\.json(\.bak(\.\d)?)?\.[0-9a-f]{12}\.tmp$/.test(n),
      );
      const others = names.filter((n) => !temps.includes(n)).sort();
      tempsLeft += temps.length;
      // Before the first save completes there is nothing; after it, the file and its backups.
      if (version === -1 && others.length === 0) continue;
      const allowed = [
        'plan.nines.json',
        ...generations.map((g) => path.basename(backupPathOf(file, g))),
      ];
      expect(
        others.every((n) => allowed.includes(n)) && others.includes('plan.nines.json'),
        `${at}: ${others.join(', ')}`,
      ).toBe(true);

      const current = wholeVersion(await readFile(file, 'utf8'));
      expect(current, `${at}: the file is not a whole version`).toBeDefined();
      expect(current as number, at).toBeGreaterThanOrEqual(version);
      version = current as number;
      if (version === 0) continue;
      const backup = wholeVersion(await readFile(backupPathOf(file), 'utf8'));
      expect(backup, `${at}: the .bak is not a whole version`).toBeDefined();
      expect([version - 1, version], at).toContain(backup);
      if (backup === version) sameAsBackup += 1;
      // Older generations, where there are any yet: whole, and none newer than the one above.
      let above = backup as number;
      for (const g of generations.slice(1)) {
        if (!others.includes(path.basename(backupPathOf(file, g)))) continue;
        const older = wholeVersion(await readFile(backupPathOf(file, g), 'utf8'));
        expect(older, `${at}: .bak.${g} is not a whole version`).toBeDefined();
        expect(older as number, `${at}: .bak.${g}`).toBeLessThanOrEqual(above);
        above = older as number;
      }
    }
    // The kills did land mid-save: saves went through (at least ten, even on a loaded machine)
    // and some were cut short.
    expect(version).toBeGreaterThan(10);
    expect(tempsLeft + sameAsBackup).toBeGreaterThan(0);
  }, 600_000);
});
