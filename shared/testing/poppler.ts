/** Poppler's command-line tools in tests (CI installs poppler-utils; see .ci/run). */
import { execFileSync } from 'node:child_process';

/**
 * Whether a test of poppler's `tool` (pdfinfo, pdftotext) should be skipped: only when the tool
 * does not run here and this is not CI, where a missing one fails the test instead.
 */
export function skipWithoutPoppler(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return false;
  } catch {
    return !process.env.CI;
  }
}
