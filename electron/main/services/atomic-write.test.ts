import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupPathOf, writeFileAtomic } from './atomic-write';

type FsPromises = typeof fs;

// Spies over the real functions, so that single calls can be made to fail.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<FsPromises>();
  return { ...real, rename: vi.fn(real.rename), open: vi.fn(real.open) };
});

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(tmpdir(), 'nines-atomic-'));
});
afterEach(async () => {
  vi.mocked(fs.rename).mockClear();
  vi.mocked(fs.open).mockClear();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes a new file and leaves nothing else in the folder', async () => {
    const file = path.join(dir, 'plan.nines.json');
    await writeFileAtomic(file, 'first\n', { keepBackup: true });
    expect(await fs.readFile(file, 'utf8')).toBe('first\n');
    expect(await fs.readdir(dir)).toEqual(['plan.nines.json']);
  });

  it('replaces a file, keeping the previous version as .bak', async () => {
    const file = path.join(dir, 'plan.nines.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two', { keepBackup: true });
    await writeFileAtomic(file, 'three', { keepBackup: true });
    expect(await fs.readFile(file, 'utf8')).toBe('three');
    expect(await fs.readFile(backupPathOf(file), 'utf8')).toBe('two');
    expect((await fs.readdir(dir)).sort()).toEqual(['plan.nines.json', 'plan.nines.json.bak']);
  });

  it('writes bytes as they are', async () => {
    const file = path.join(dir, 'plan.pdf');
    await writeFileAtomic(file, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));
    expect([...(await fs.readFile(file))]).toEqual([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
  });

  it('goes through a temporary file in the same folder, renamed over the target', async () => {
    const file = path.join(dir, 'plan.nines.json');
    await writeFileAtomic(file, 'x');
    const [from, to] = vi.mocked(fs.rename).mock.calls[0] ?? [];
    expect(path.dirname(String(from))).toBe(dir);
    expect(String(from)).toMatch(/\.tmp$/);
    expect(to).toBe(file);
  });

  it('leaves the old file intact and no temporary file when the rename fails', async () => {
    const file = path.join(dir, 'plan.nines.json');
    await writeFileAtomic(file, 'old');
    vi.mocked(fs.rename).mockRejectedValueOnce(
      Object.assign(new Error('EXDEV: cross-device link'), { code: 'EXDEV' }),
    );
    await expect(writeFileAtomic(file, 'new', { keepBackup: true })).rejects.toThrow('EXDEV');
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    expect((await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the old file intact and no temporary file when the disk fills mid-write', async () => {
    const file = path.join(dir, 'plan.nines.json');
    await writeFileAtomic(file, 'old');
    const realOpen = (await vi.importActual<FsPromises>('node:fs/promises')).open;
    vi.mocked(fs.open).mockImplementationOnce(async (...args: Parameters<typeof fs.open>) => {
      const handle = await realOpen(...args);
      // Half the data reaches the temporary file, then the disk is full.
      handle.writeFile = async (data) => {
        await handle.write(String(data).slice(0, 2));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      };
      return handle;
    });
    await expect(writeFileAtomic(file, 'new content', { keepBackup: true })).rejects.toThrow(
      'ENOSPC',
    );
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    expect(await fs.readdir(dir)).toEqual(['plan.nines.json']);
  });
});
