import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_GENERATIONS, backupPathOf, writeFileAtomic } from './atomic-write';

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
    expect(await fs.readFile(backupPathOf(file, 2), 'utf8')).toBe('one');
    expect((await fs.readdir(dir)).sort()).toEqual([
      'plan.nines.json',
      'plan.nines.json.bak',
      'plan.nines.json.bak.2',
    ]);
  });

  it(`keeps ${BACKUP_GENERATIONS} generations of backups, newest first, and drops older ones`, async () => {
    const file = path.join(dir, 'plan.nines.json');
    for (let v = 1; v <= 9; v += 1) await writeFileAtomic(file, `v${v}`, { keepBackup: true });
    expect(await fs.readFile(file, 'utf8')).toBe('v9');
    const kept = [];
    for (let g = 1; g <= BACKUP_GENERATIONS; g += 1) {
      kept.push(await fs.readFile(backupPathOf(file, g), 'utf8'));
    }
    expect(kept).toEqual(['v8', 'v7', 'v6', 'v5', 'v4']);
    expect((await fs.readdir(dir)).length).toBe(1 + BACKUP_GENERATIONS);
    // Each generation is its own file: changing one leaves the others.
    expect((await fs.stat(backupPathOf(file))).nlink).toBe(1);
  });

  it.skipIf(process.platform === 'win32')(
    "keeps the file's permission bits, in the file and its backups",
    async () => {
      const file = path.join(dir, 'secret.nines.json');
      await fs.writeFile(file, 'one');
      await fs.chmod(file, 0o600);
      await writeFileAtomic(file, 'two', { keepBackup: true });
      await writeFileAtomic(file, 'three', { keepBackup: true });
      const mode = async (p: string) => (await fs.stat(p)).mode & 0o777;
      expect(await mode(file)).toBe(0o600);
      expect(await mode(backupPathOf(file))).toBe(0o600);
      expect(await mode(backupPathOf(file, 2))).toBe(0o600);
      await fs.chmod(file, 0o640);
      await writeFileAtomic(file, 'four');
      expect(await mode(file)).toBe(0o640);
    },
  );

  it.skipIf(process.platform === 'win32')(
    'writes through a symbolic link to its file, keeping the link and the backups beside the file',
    async () => {
      await fs.mkdir(path.join(dir, 'real'));
      const real = path.join(dir, 'real', 'plan.nines.json');
      const linked = path.join(dir, 'plan.nines.json');
      await fs.writeFile(real, 'one');
      await fs.symlink(path.join('real', 'plan.nines.json'), linked);
      await writeFileAtomic(linked, 'two', { keepBackup: true });
      expect((await fs.lstat(linked)).isSymbolicLink()).toBe(true);
      expect(await fs.readFile(real, 'utf8')).toBe('two');
      expect(await fs.readFile(backupPathOf(real), 'utf8')).toBe('one');
      expect((await fs.readdir(dir)).sort()).toEqual(['plan.nines.json', 'real']);
      // A link to a file not there yet creates the file it names.
      const dangling = path.join(dir, 'new.nines.json');
      await fs.symlink(path.join('real', 'new.nines.json'), dangling);
      await writeFileAtomic(dangling, 'created', { keepBackup: true });
      expect((await fs.lstat(dangling)).isSymbolicLink()).toBe(true);
      expect(await fs.readFile(path.join(dir, 'real', 'new.nines.json'), 'utf8')).toBe('created');
    },
  );

  it.skipIf(process.platform === 'win32')(
    'splits a hard-linked file: the saved name gets the new version, the other keeps the old',
    async () => {
      const file = path.join(dir, 'plan.nines.json');
      const other = path.join(dir, 'other-name.nines.json');
      await fs.writeFile(file, 'old');
      await fs.link(file, other);
      await writeFileAtomic(file, 'new', { keepBackup: true });
      expect(await fs.readFile(file, 'utf8')).toBe('new');
      expect(await fs.readFile(other, 'utf8')).toBe('old');
      expect((await fs.stat(file)).nlink).toBe(1);
    },
  );

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
    vi.mocked(fs.open).mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await realOpen(...args);
      // Only the new version's temporary file (opened 'wx') fills the disk.
      if (args[1] !== 'wx') return handle;
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
    vi.mocked(fs.open).mockImplementation(realOpen);
    expect(await fs.readFile(file, 'utf8')).toBe('old');
    expect((await fs.readdir(dir)).sort()).toEqual(['plan.nines.json', 'plan.nines.json.bak']);
  });
});
