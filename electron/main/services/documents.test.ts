import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileDialogs } from './documents';

vi.mock('electron', () => ({
  app: { isPackaged: true },
  ipcMain: { handle: vi.fn() },
  protocol: {},
}));

const { DocumentService, MAX_DOCUMENT_BYTES, safeFileName } = await import('./documents');
const { RecentFiles } = await import('./recent-files');

const VALID = `${JSON.stringify(
  {
    format: 'nines/1',
    name: 'Checkout',
    variants: [
      { id: 'v1', name: 'One', entry: 'app', nodes: [{ id: 'app', kind: 'service' }], edges: [] },
    ],
  },
  null,
  2,
)}\n`;
const EDITED = VALID.replace('Checkout', 'Checkout v2');

let dir: string;
let documents: InstanceType<typeof DocumentService>;
let recent: InstanceType<typeof RecentFiles>;
let dialogs: { [K in keyof FileDialogs]: ReturnType<typeof vi.fn<FileDialogs[K]>> };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nines-documents-'));
  await mkdir(path.join(dir, 'user'));
  recent = new RecentFiles(path.join(dir, 'user', 'recent-files.json'));
  documents = new DocumentService(recent);
  dialogs = {
    chooseOpenPath: vi.fn<FileDialogs['chooseOpenPath']>(),
    chooseSavePath: vi.fn<FileDialogs['chooseSavePath']>(),
    chooseExportPath: vi.fn<FileDialogs['chooseExportPath']>(),
  };
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const at = (name: string) => path.join(dir, name);

describe('opening', () => {
  it('reads the chosen file, hands out an id instead of the path, and adds it to recent', async () => {
    await writeFile(at('shop.nines.json'), VALID);
    dialogs.chooseOpenPath.mockResolvedValue(at('shop.nines.json'));
    const opened = await documents.openWithDialog(dialogs);
    expect(opened).toMatchObject({ name: 'shop.nines.json', text: VALID });
    expect(opened?.fileId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(opened)).not.toContain(dir);
    expect(await recent.list()).toEqual([at('shop.nines.json')]);
  });

  it('answers null when the user cancels', async () => {
    dialogs.chooseOpenPath.mockResolvedValue(null);
    expect(await documents.openWithDialog(dialogs)).toBeNull();
  });

  it('returns the text even when it is not a valid document (the renderer reports problems)', async () => {
    await writeFile(at('broken.nines.json'), '{ not json');
    expect((await documents.openPath(at('broken.nines.json'))).text).toBe('{ not json');
  });

  it('refuses a file over the size limit with invalid-document', async () => {
    await writeFile(at('huge.nines.json'), Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20));
    await expect(documents.openPath(at('huge.nines.json'))).rejects.toMatchObject({
      code: 'invalid-document',
    });
  });

  it('refuses a UTF-16 or Latin-1 file by its bytes, naming the encoding', async () => {
    const utf16 = Buffer.from(`\uFEFF${VALID}`, 'utf16le');
    await writeFile(at('utf16.nines.json'), utf16);
    await expect(documents.openPath(at('utf16.nines.json'))).rejects.toMatchObject({
      code: 'invalid-document',
      message:
        'utf16.nines.json: UTF-16 is not supported: save the file as UTF-8 (it is UTF-16LE).',
    });
    await writeFile(
      at('latin1.nines.json'),
      Buffer.from(VALID.replace('Checkout', 'Caf\u00e9'), 'latin1'),
    );
    await expect(documents.openPath(at('latin1.nines.json'))).rejects.toMatchObject({
      code: 'invalid-document',
      message: expect.stringMatching(/^latin1\.nines\.json: not UTF-8: byte 0xE9 on line 3 /),
    });
    expect(await recent.list()).toEqual([]);
  });

  it('refuses a folder', async () => {
    await mkdir(at('folder.nines.json'));
    await expect(documents.openPath(at('folder.nines.json'))).rejects.toMatchObject({
      code: 'io',
    });
  });

  it('gives the same id to the same file each time', async () => {
    await writeFile(at('a.nines.json'), VALID);
    const first = await documents.openPath(at('a.nines.json'));
    const second = await documents.openPath(path.join(dir, '.', 'a.nines.json'));
    expect(second.fileId).toBe(first.fileId);
  });
});

describe('recent files', () => {
  it('lists recent files with ids that reopen them', async () => {
    await writeFile(at('a.nines.json'), VALID);
    await documents.openPath(at('a.nines.json'));
    const [listed] = await documents.listRecent();
    expect(listed).toMatchObject({ name: 'a.nines.json', location: dir });
    const reopened = await documents.openRecent(listed?.fileId ?? '');
    expect(reopened.text).toBe(VALID);
  });

  it('answers not-found for a recent file that has gone, and drops it from the list', async () => {
    await writeFile(at('gone.nines.json'), VALID);
    await documents.openPath(at('gone.nines.json'));
    await rm(at('gone.nines.json'));
    const [listed] = await documents.listRecent();
    await expect(documents.openRecent(listed?.fileId ?? '')).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await documents.listRecent()).toEqual([]);
  });

  it('remembers only files that open as a document, and forgets one that no longer does', async () => {
    await writeFile(at('broken.nines.json'), '{"format": "nines/1"');
    await documents.openPath(at('broken.nines.json'));
    expect(await documents.listRecent()).toEqual([]);
    await writeFile(at('a.nines.json'), VALID);
    await documents.openPath(at('a.nines.json'));
    await writeFile(at('a.nines.json'), '{}');
    const [listed] = await documents.listRecent();
    await documents.openRecent(listed?.fileId ?? '');
    expect(await documents.listRecent()).toEqual([]);
  });

  it('drops a recent file that cannot be read any more, whatever the reason', async () => {
    await writeFile(at('big.nines.json'), VALID);
    await documents.openPath(at('big.nines.json'));
    await writeFile(at('big.nines.json'), ' '.repeat(MAX_DOCUMENT_BYTES + 1));
    const [listed] = await documents.listRecent();
    await expect(documents.openRecent(listed?.fileId ?? '')).rejects.toMatchObject({
      code: 'invalid-document',
      message: expect.stringContaining('removed from the recent files') as unknown,
    });
    expect(await documents.listRecent()).toEqual([]);
  });

  it('answers not-found for an id it never handed out', async () => {
    await expect(
      documents.openRecent('7d444840-9dc0-41b3-b1b7-4b0b5f7c4f8e'),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('saving', () => {
  it('saves a new document where the user chooses, suggesting a safe name', async () => {
    dialogs.chooseSavePath.mockResolvedValue(at('new.nines.json'));
    const saved = await documents.save(
      { suggestedName: '../../etc/Checkout.nines.json', text: VALID },
      dialogs,
    );
    expect(dialogs.chooseSavePath).toHaveBeenCalledWith('-..-etc-Checkout.nines.json', undefined);
    expect(saved).toMatchObject({ name: 'new.nines.json' });
    expect(await readFile(at('new.nines.json'), 'utf8')).toBe(VALID);
    expect(await recent.list()).toEqual([at('new.nines.json')]);
  });

  it('answers null and writes nothing when the user cancels', async () => {
    dialogs.chooseSavePath.mockResolvedValue(null);
    expect(
      await documents.save({ suggestedName: 'x.nines.json', text: VALID }, dialogs),
    ).toBeNull();
    expect(await readdir(dir)).toEqual(['user']);
  });

  it('saves over the file behind fileId without a dialog, keeping a .bak', async () => {
    await writeFile(at('a.nines.json'), VALID);
    const { fileId } = await documents.openPath(at('a.nines.json'));
    const saved = await documents.save({ fileId, suggestedName: 'ignored', text: EDITED }, dialogs);
    expect(saved).toEqual({ fileId, name: 'a.nines.json' });
    expect(dialogs.chooseSavePath).not.toHaveBeenCalled();
    expect(await readFile(at('a.nines.json'), 'utf8')).toBe(EDITED);
    expect(await readFile(at('a.nines.json.bak'), 'utf8')).toBe(VALID);
  });

  it('saves twice in a row (its own write does not count as a change on disk)', async () => {
    await writeFile(at('a.nines.json'), VALID);
    const { fileId } = await documents.openPath(at('a.nines.json'));
    await documents.save({ fileId, suggestedName: 'a', text: EDITED }, dialogs);
    await documents.save({ fileId, suggestedName: 'a', text: VALID }, dialogs);
    expect(await readFile(at('a.nines.json'), 'utf8')).toBe(VALID);
  });

  it('with saveAs asks where, starting in the folder of the current file', async () => {
    await writeFile(at('a.nines.json'), VALID);
    const { fileId } = await documents.openPath(at('a.nines.json'));
    dialogs.chooseSavePath.mockResolvedValue(at('b.nines.json'));
    const saved = await documents.save(
      { fileId, saveAs: true, suggestedName: 'b.nines.json', text: EDITED },
      dialogs,
    );
    expect(dialogs.chooseSavePath).toHaveBeenCalledWith('b.nines.json', dir);
    expect(saved?.name).toBe('b.nines.json');
    expect(saved?.fileId).not.toBe(fileId);
    expect(await readFile(at('a.nines.json'), 'utf8')).toBe(VALID);
  });

  it('refuses text that is not a valid nines/1 document, naming the problem', async () => {
    await writeFile(at('a.nines.json'), VALID);
    const { fileId } = await documents.openPath(at('a.nines.json'));
    const invalid = VALID.replace('"entry": "app"', '"entry": "nowhere"');
    const attempt = documents.save({ fileId, suggestedName: 'a', text: invalid }, dialogs);
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-document' });
    await expect(
      documents.save({ fileId, suggestedName: 'a', text: 'not json' }, dialogs),
    ).rejects.toThrow(/not valid JSON/);
    expect(await readFile(at('a.nines.json'), 'utf8')).toBe(VALID);
  });

  it('refuses to overwrite a file another program changed since it was opened', async () => {
    await writeFile(at('a.nines.json'), VALID);
    const { fileId } = await documents.openPath(at('a.nines.json'));
    await writeFile(at('a.nines.json'), EDITED);
    await utimes(at('a.nines.json'), new Date(), new Date(Date.now() + 5000));
    await expect(
      documents.save({ fileId, suggestedName: 'a', text: VALID }, dialogs),
    ).rejects.toMatchObject({ code: 'changed-on-disk' });
    expect(await readFile(at('a.nines.json'), 'utf8')).toBe(EDITED);
  });

  it('sees a change of the same size with the modification time set back, by its content', async () => {
    // A whole second, which every file system stores exactly.
    const time = new Date('2026-01-01T00:00:00Z');
    await writeFile(at('a.nines.json'), VALID);
    await utimes(at('a.nines.json'), time, time);
    const { fileId } = await documents.openPath(at('a.nines.json'));
    // Same length, different bytes, the old modification time restored (as `touch -r` or a
    // sync tool would): only the content hash tells.
    const SAME_SIZE = VALID.replace('Checkout', 'Checkoux');
    expect(SAME_SIZE.length).toBe(VALID.length);
    await writeFile(at('a.nines.json'), SAME_SIZE);
    await utimes(at('a.nines.json'), time, time);
    await expect(
      documents.save({ fileId, suggestedName: 'a', text: VALID }, dialogs),
    ).rejects.toMatchObject({ code: 'changed-on-disk' });
    expect(await readFile(at('a.nines.json'), 'utf8')).toBe(SAME_SIZE);
    // Unchanged since this session saved it: saved again without a question.
    await documents.save({ fileId, force: true, suggestedName: 'a', text: VALID }, dialogs);
    await documents.save({ fileId, suggestedName: 'a', text: EDITED }, dialogs);
    expect(await readFile(at('a.nines.json'), 'utf8')).toBe(EDITED);
  });

  it.skipIf(process.platform === 'win32')(
    'keeps a private file private: its mode survives Save, and so does a symbolic link to it',
    async () => {
      await mkdir(at('real'));
      await writeFile(at('real/a.nines.json'), VALID, { mode: 0o600 });
      await symlink(path.join('real', 'a.nines.json'), at('a.nines.json'));
      const { fileId } = await documents.openPath(at('a.nines.json'));
      await documents.save({ fileId, suggestedName: 'a', text: EDITED }, dialogs);
      expect((await lstat(at('a.nines.json'))).isSymbolicLink()).toBe(true);
      expect(await readFile(at('real/a.nines.json'), 'utf8')).toBe(EDITED);
      expect((await stat(at('real/a.nines.json'))).mode & 0o777).toBe(0o600);
      expect((await stat(at('real/a.nines.json.bak'))).mode & 0o777).toBe(0o600);
    },
  );

  it('overwrites a file changed on disk when forced, keeping the other version as .bak', async () => {
    await writeFile(at('a.nines.json'), VALID);
    const { fileId } = await documents.openPath(at('a.nines.json'));
    await writeFile(at('a.nines.json'), EDITED);
    await utimes(at('a.nines.json'), new Date(), new Date(Date.now() + 5000));
    const OURS = VALID.replace('Checkout', 'Checkout ours');
    await expect(
      documents.save({ fileId, force: true, suggestedName: 'a', text: OURS }, dialogs),
    ).resolves.toEqual({ fileId, name: 'a.nines.json' });
    expect(await readFile(at('a.nines.json'), 'utf8')).toBe(OURS);
    expect(await readFile(at('a.nines.json.bak'), 'utf8')).toBe(EDITED);
    expect(dialogs.chooseSavePath).not.toHaveBeenCalled();
    // Having written it, the session knows the file again: the next save needs no force.
    await documents.save({ fileId, suggestedName: 'a', text: VALID }, dialogs);
    expect(await readFile(at('a.nines.json'), 'utf8')).toBe(VALID);
  });

  it('writes again a file that was deleted since it was opened', async () => {
    await writeFile(at('a.nines.json'), VALID);
    const { fileId } = await documents.openPath(at('a.nines.json'));
    await rm(at('a.nines.json'));
    await documents.save({ fileId, suggestedName: 'a', text: EDITED }, dialogs);
    expect(await readFile(at('a.nines.json'), 'utf8')).toBe(EDITED);
  });
});

describe('exporting', () => {
  it('writes the data where the user chooses', async () => {
    dialogs.chooseExportPath.mockResolvedValue(at('plan.pdf'));
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    expect(
      await documents.export(
        { suggestedName: 'plan.pdf', mimeType: 'application/pdf', data: bytes },
        dialogs,
      ),
    ).toEqual({ name: 'plan.pdf' });
    expect(dialogs.chooseExportPath).toHaveBeenCalledWith('plan.pdf', 'application/pdf');
    expect([...(await readFile(at('plan.pdf')))]).toEqual([...bytes]);
  });

  it('answers null when the user cancels', async () => {
    dialogs.chooseExportPath.mockResolvedValue(null);
    expect(
      await documents.export(
        { suggestedName: 'p.md', mimeType: 'text/markdown', data: '#' },
        dialogs,
      ),
    ).toBeNull();
  });
});

describe('reading the open file at a git revision', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd });

  /** A repository with the file in a subfolder, committed once as VALID, then edited. */
  async function repository(): Promise<string> {
    const repo = at('repo');
    await mkdir(path.join(repo, 'designs'), { recursive: true });
    git(repo, 'init', '-q');
    await writeFile(path.join(repo, 'designs', 'a.nines.json'), VALID);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'first');
    await writeFile(path.join(repo, 'designs', 'a.nines.json'), EDITED);
    return path.join(repo, 'designs', 'a.nines.json');
  }

  it('answers the committed text, the revision and its commit, leaving the working file as it is', async () => {
    const file = await repository();
    const opened = await documents.openPath(file);
    const head = git(path.dirname(file), 'rev-parse', 'HEAD').toString().trim();
    expect(await documents.readRevision(opened.fileId, 'HEAD')).toEqual({
      name: 'a.nines.json',
      ref: 'HEAD',
      commit: head.slice(0, 7),
      text: VALID,
    });
    expect(await readFile(file, 'utf8')).toBe(EDITED);
  });

  it('says why when the revision or the file at it does not exist', async () => {
    const file = await repository();
    const { fileId } = await documents.openPath(file);
    await expect(documents.readRevision(fileId, 'no-such-branch')).rejects.toMatchObject({
      code: 'not-found',
      message:
        'Cannot compare with a.nines.json at no-such-branch: no commit "no-such-branch" in this repository.',
    });
    const other = path.join(path.dirname(file), 'b.nines.json');
    await writeFile(other, VALID);
    const second = await documents.openPath(other);
    await expect(documents.readRevision(second.fileId, 'HEAD')).rejects.toMatchObject({
      code: 'not-found',
      message: 'Cannot compare with b.nines.json at HEAD: no file "./b.nines.json" at HEAD.',
    });
  });

  it('says so for a file outside any repository', async () => {
    await writeFile(at('lone.nines.json'), VALID);
    const { fileId } = await documents.openPath(at('lone.nines.json'));
    await expect(documents.readRevision(fileId, 'HEAD')).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(
        /^Cannot compare with lone\.nines\.json at HEAD: .* is not inside a git repository\.$/,
      ),
    });
  });
});

describe('safeFileName', () => {
  it.each([
    ['Checkout.nines.json', 'Checkout.nines.json'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a-b-c-d-e-f-g-h-i-j'],
    ['..hidden', 'hidden'],
    ['tab\tand\nnewline', 'tabandnewline'],
    ['   ', 'Untitled.nines.json'],
    ['', 'Untitled.nines.json'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });
});
