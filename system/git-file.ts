/**
 * Reading a file as it is at a git revision (`git:REF:PATH` on the command line), with
 * `git show`: no checkout, the working tree is never touched. The path follows git's own rule:
 * relative to the repository's top folder, or to the current folder when it starts with `./`
 * or `../`. Each way this can fail is said plainly: git missing, not in a repository, no such
 * revision, no such file at it, a folder, or a file over the size limit.
 */
import { MAX_FILE_BYTES, type ReadResult } from './read-file';

/** The prefix that marks a side read from git. */
export const GIT_PREFIX = 'git:';

/** A `git:REF:PATH` argument split into its revision and path, or why it cannot be. */
export function parseGitSpec(
  spec: string,
): { ok: true; ref: string; path: string } | { ok: false; message: string } {
  const rest = spec.slice(GIT_PREFIX.length);
  const colon = rest.indexOf(':');
  const ref = colon < 0 ? '' : rest.slice(0, colon);
  const path = colon < 0 ? '' : rest.slice(colon + 1);
  if (ref === '' || path === '') {
    return {
      ok: false,
      message: `"${spec}" is not git:REF:PATH (e.g. git:origin/main:design.nines.json)`,
    };
  }
  // A revision git would read as an option is refused rather than passed on.
  if (ref.startsWith('-')) return { ok: false, message: `"${ref}" is not a git revision` };
  return { ok: true, ref, path };
}

interface GitRun {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
  /** Set when git could not be started at all. */
  readonly spawnError?: NodeJS.ErrnoException;
}

async function git(args: readonly string[], cwd: string, maxBuffer = 1024 * 1024): Promise<GitRun> {
  // Loaded at the first git run, not with this folder: every command imports the folder, and
  // child_process (which loads net) cost each of them 5-10 ms of CPU at start.
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile(
      'git',
      [...args],
      { cwd, encoding: 'buffer', maxBuffer, windowsHide: true },
      (error, stdout, stderr) => {
        const spawnError =
          error && typeof (error as NodeJS.ErrnoException).code === 'string'
            ? (error as NodeJS.ErrnoException)
            : undefined;
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr: stderr.toString('utf8').trim(),
          ...(spawnError ? { spawnError } : {}),
        });
      },
    );
  });
}

/** What {@link readGitFile} answers: the bytes and the commit `ref` named, or why not. */
export type GitReadResult =
  { ok: true; bytes: Buffer; commit: string } | Extract<ReadResult, { ok: false }>;

/** Reads `path` at revision `ref` of the repository that holds `cwd`. */
export async function readGitFile(ref: string, path: string, cwd: string): Promise<GitReadResult> {
  const unreadable = (message: string): GitReadResult => ({
    ok: false,
    reason: 'unreadable',
    message,
  });
  const inside = await git(['rev-parse', '--is-inside-work-tree'], cwd);
  if (inside.spawnError?.code === 'ENOENT') return unreadable('cannot read: git is not installed');
  if (inside.code !== 0 || inside.stdout.toString('utf8').trim() !== 'true') {
    return unreadable(`cannot read: ${cwd} is not inside a git repository`);
  }
  const commit = await git(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
    cwd,
  );
  if (commit.code !== 0) return unreadable(`cannot read: no commit "${ref}" in this repository`);
  const object = `${ref}:${path}`;
  const type = await git(['cat-file', '-t', object], cwd);
  if (type.code !== 0) return unreadable(`cannot read: no file "${path}" at ${ref}`);
  const kind = type.stdout.toString('utf8').trim();
  if (kind !== 'blob') {
    return unreadable(
      `cannot read: "${path}" at ${ref} is ${kind === 'tree' ? 'a folder' : `a ${kind}`}, not a file`,
    );
  }
  const size = Number((await git(['cat-file', '-s', object], cwd)).stdout.toString('utf8').trim());
  if (!Number.isFinite(size) || size > MAX_FILE_BYTES) {
    return {
      ok: false,
      reason: 'too-large',
      message: `file is too large (${size} bytes; at most ${MAX_FILE_BYTES})`,
    };
  }
  const shown = await git(['show', object], cwd, MAX_FILE_BYTES + 1);
  if (shown.code !== 0) return unreadable(`cannot read: git show ${object}: ${shown.stderr}`);
  return { ok: true, bytes: shown.stdout, commit: commit.stdout.toString('utf8').trim() };
}
