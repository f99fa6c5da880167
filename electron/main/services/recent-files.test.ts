import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT_FILES, RecentFiles, recentKey } from './recent-files';

let dir: string;
let store: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nines-recent-'));
  store = path.join(dir, 'recent-files.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const p = (name: string) => path.join(dir, `${name}.nines.json`);

describe('RecentFiles', () => {
  it('starts empty when nothing is stored', async () => {
    expect(await new RecentFiles(store).list()).toEqual([]);
  });

  it('keeps the most recent first, without duplicates, and persists across instances', async () => {
    const recent = new RecentFiles(store);
    await recent.add(p('a'));
    await recent.add(p('b'));
    await recent.add(p('a'));
    expect(await recent.list()).toEqual([p('a'), p('b')]);
    expect(await new RecentFiles(store).list()).toEqual([p('a'), p('b')]);
    expect(JSON.parse(await readFile(store, 'utf8'))).toEqual({
      version: 1,
      paths: [p('a'), p('b')],
    });
  });

  it('lists a file once however its path was written', async () => {
    const recent = new RecentFiles(store);
    await recent.add(p('a'));
    await recent.add(`${dir}/sub/../a.nines.json`);
    expect(await recent.list()).toEqual([p('a')]);
  });

  it('lists a file once when a stored list names it twice', async () => {
    await writeFile(
      store,
      JSON.stringify({ version: 1, paths: [p('a'), p('b'), `${dir}/./a.nines.json`] }),
    );
    expect(await new RecentFiles(store).list()).toEqual([p('a'), p('b')]);
  });

  it('on a case-insensitive platform, names that differ only in case are one file', () => {
    expect(recentKey('/Users/Me/Plan.nines.json', 'darwin')).toBe(
      recentKey('/users/me/plan.nines.json', 'darwin'),
    );
    expect(recentKey('/home/me/Plan.nines.json', 'linux')).not.toBe(
      recentKey('/home/me/plan.nines.json', 'linux'),
    );
  });

  it(`remembers at most ${MAX_RECENT_FILES} files`, async () => {
    const recent = new RecentFiles(store);
    for (let i = 0; i < MAX_RECENT_FILES + 3; i += 1) await recent.add(p(`f${i}`));
    const listed = await recent.list();
    expect(listed).toHaveLength(MAX_RECENT_FILES);
    expect(listed[0]).toBe(p(`f${MAX_RECENT_FILES + 2}`));
  });

  it('forgets a removed file', async () => {
    const recent = new RecentFiles(store);
    await recent.add(p('a'));
    await recent.add(p('b'));
    await recent.remove(p('a'));
    expect(await recent.list()).toEqual([p('b')]);
  });

  it('does not lose updates made at the same time', async () => {
    const recent = new RecentFiles(store);
    await Promise.all(['a', 'b', 'c', 'd'].map((name) => recent.add(p(name))));
    expect(await recent.list()).toEqual([p('d'), p('c'), p('b'), p('a')]);
  });

  it.each([
    ['not JSON', '{ paths: '],
    ['another shape', '{"version":2,"paths":["/x"]}'],
    ['wrong types', '{"version":1,"paths":[1,2]}'],
  ])('treats a damaged list (%s) as empty and replaces it on the next add', async (_l, text) => {
    await writeFile(store, text);
    const recent = new RecentFiles(store);
    expect(await recent.list()).toEqual([]);
    await recent.add(p('a'));
    expect(await recent.list()).toEqual([p('a')]);
  });

  it('ignores relative paths written into the list by hand', async () => {
    await writeFile(store, JSON.stringify({ version: 1, paths: ['plan.nines.json', p('a')] }));
    expect(await new RecentFiles(store).list()).toEqual([p('a')]);
  });
});
