/**
 * Child process of atomic-write.kill.test.ts: saves numbered versions of one file with
 * `writeFileAtomic` (keeping a .bak) as fast as it can, until the test kills it. Run as
 * `node atomic-write-child.mjs FILE FIRST_VERSION` once bundled (`bundledChild`), or with
 * `node --import tsx` as it is; writes `ready` once loaded.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../atomic-write';

/** Size of every version, in bytes: large enough that a save takes a few milliseconds. */
export const VERSION_BYTES = 2 * 1024 * 1024;

/** The full text of version `n`: a header, a body filled with one letter, a trailer. */
export function versionText(n: number): string {
  const head = `version ${n}\n`;
  const tail = `\nend of version ${n}\n`;
  const letter = String.fromCharCode(0x61 + (n % 26));
  return head + letter.repeat(VERSION_BYTES - head.length - tail.length) + tail;
}

async function main(file: string, first: number): Promise<void> {
  process.stdout.write('ready\n');
  for (let n = first; ; n += 1) await writeFileAtomic(file, versionText(n), { keepBackup: true });
}

// Node names the main module by its real path (node_modules may be a link to elsewhere).
if (import.meta.url === pathToFileURL(realpathSync(process.argv[1] ?? '.')).href) {
  void main(process.argv[2] as string, Number(process.argv[3]));
}
