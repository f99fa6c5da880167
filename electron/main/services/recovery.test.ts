import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecoveryStore } from './recovery';

let dir: string;
let recovery: RecoveryStore;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nines-recovery-'));
  recovery = new RecoveryStore(path.join(dir, 'recovery.nines.json'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('RecoveryStore', () => {
  it('has no copy at first', async () => {
    expect(await recovery.read()).toBeNull();
  });

  it('reads back the last copy written, also from a new instance (the next session)', async () => {
    await recovery.write('{"v":1}');
    await recovery.write('{"v":2}');
    expect(await recovery.read()).toBe('{"v":2}');
    expect(await new RecoveryStore(path.join(dir, 'recovery.nines.json')).read()).toBe('{"v":2}');
  });

  it('clears the copy, and clearing twice is fine', async () => {
    await recovery.write('{}');
    await recovery.clear();
    await recovery.clear();
    expect(await recovery.read()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('a clear asked after a write wins even when both are in flight', async () => {
    const write = recovery.write('{"late":true}');
    const clear = recovery.clear();
    await Promise.all([write, clear]);
    expect(await recovery.read()).toBeNull();
  });
});
