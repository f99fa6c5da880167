/**
 * Node-side code the CLI and the desktop app's main process share: replacing a file atomically
 * (with backups for the desktop Save), reading an input file within the size limit, and reading
 * a file as it is at a git revision. shared/ stays pure TypeScript; this folder may use Node.
 */
export { BACKUP_GENERATIONS, backupPathOf, writeFileAtomic } from './atomic-write';
export type { AtomicWriteOptions } from './atomic-write';
export { MAX_FILE_BYTES, readInputFile } from './read-file';
export type { ReadResult } from './read-file';
export { GIT_PREFIX, parseGitSpec, readGitFile } from './git-file';
export type { GitReadResult } from './git-file';
