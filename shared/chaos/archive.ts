/**
 * The export as one ZIP archive, for hosts that save one file rather than a folder (the app's
 * save path): every file of {@link exportChaos} under one top folder, at the same relative path
 * `nines export-chaos --out DIR` writes it in `DIR`. Written with fflate (pinned in
 * package.json), the small, dependency-free DEFLATE/ZIP library docx already brings.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ChaosFile } from './types';

/**
 * The ZIP archive of `files` (paths `/`-separated, relative to the output folder) under the
 * top folder `folder`, UTF-8, deflated.
 */
export function chaosArchive(files: readonly ChaosFile[], folder: string): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) entries[`${folder}/${f.path}`] = strToU8(f.text);
  return zipSync(entries, { level: 6 });
}
