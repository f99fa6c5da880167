// `nines diff` beyond the comparison itself: sides read from git (`git:REF:PATH`), and the
// example comment of docs/diff.md, regenerated.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DesignDiff } from '../shared/diff';
import { template } from './testing';

const AA2 = template('active-active-2-regions');
const NINES_BIN = fileURLToPath(new URL('./bin/nines.cjs', import.meta.url));

type Json = Record<string, unknown>;
type Node = Json & { id: string };
function nodeOf(doc: Json, id: string): Node {
  const node = (doc.variants as { nodes: Node[] }[])[0]?.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

describe('docs/diff.md', () => {
  it('shows the comment the command prints for its example change', () => {
    const folder = mkdtempSync(join(tmpdir(), 'nines-diff-doc-'));
    const doc = JSON.parse(readFileSync(AA2, 'utf8')) as Json;
    nodeOf(doc, 'app-use1').instances = 9;
    nodeOf(doc, 'dns').dnsTtlSeconds = 600;
    const layout = (doc.variants as { layout: Record<string, { y: number }> }[])[0]!.layout;
    for (const id of Object.keys(layout).slice(0, 2)) layout[id]!.y += 20;
    writeFileSync(join(folder, 'design.nines.json'), JSON.stringify(doc, null, 2));
    const run = spawnSync(
      process.execPath,
      [NINES_BIN, 'diff', AA2, 'design.nines.json', '--markdown'],
      {
        cwd: folder,
        encoding: 'utf8',
      },
    );
    const page = readFileSync(new URL('../docs/diff.md', import.meta.url), 'utf8');
    const shown = /<!-- example:start -->\n([\s\S]*)<!-- example:end -->/.exec(page)?.[1];
    expect(shown).toBe(run.stdout);
  });
});

describe('nines diff with git:REF:PATH', () => {
  const repo = mkdtempSync(join(tmpdir(), 'nines-diff-git-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo });
  git('init', '-q');
  writeFileSync(join(repo, 'design.nines.json'), readFileSync(AA2));
  mkdirSync(join(repo, 'sub'));
  writeFileSync(join(repo, 'sub', 'x.txt'), 'x');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  const nines = (...args: string[]) =>
    spawnSync(process.execPath, [NINES_BIN, 'diff', ...args], { cwd: repo, encoding: 'utf8' });

  it('reads the base with git show, without touching the working tree', () => {
    const doc = JSON.parse(readFileSync(AA2, 'utf8')) as Json;
    nodeOf(doc, 'app-use1').instances = 9;
    writeFileSync(join(repo, 'design.nines.json'), JSON.stringify(doc, null, 2));
    const run = nines('git:HEAD:design.nines.json', 'design.nines.json', '--json');
    expect(run.stderr).toBe('');
    const diff = JSON.parse(run.stdout) as DesignDiff;
    expect(diff.base.file).toBe('git:HEAD:design.nines.json');
    expect(diff.base.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(diff.variants[0]?.topology.nodes.changed.map((n) => n.id)).toEqual(['app-use1']);
    expect(JSON.parse(readFileSync(join(repo, 'design.nines.json'), 'utf8'))).toEqual(doc);
  });

  it('refuses a missing revision, a missing file, a folder, and a folder outside any repository', () => {
    const cases: [string, string][] = [
      ['git:no-such-ref:design.nines.json', 'no commit "no-such-ref"'],
      ['git:HEAD:nope.nines.json', 'no file "nope.nines.json" at HEAD'],
      ['git:HEAD:sub', '"sub" at HEAD is a folder'],
    ];
    for (const [spec, message] of cases) {
      const run = nines(spec, 'design.nines.json');
      expect(run.status, spec).toBe(1);
      expect(run.stderr).toContain(message);
    }
    const outside = mkdtempSync(join(tmpdir(), 'nines-diff-norepo-'));
    const run = spawnSync(process.execPath, [NINES_BIN, 'diff', 'git:HEAD:a.json', AA2], {
      cwd: outside,
      encoding: 'utf8',
      env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('is not inside a git repository');
  });
});
