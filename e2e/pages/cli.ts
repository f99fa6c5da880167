/**
 * The `nines` command line, run from the tests the way a user runs it: `nines COMMAND --json …`
 * parsed as JSON, so the app's figures can be compared with the CLI's on the same file.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../cli/bin/nines.cjs', import.meta.url));

/** `nines COMMAND --json ARGS…`, parsed. */
export function ninesJson<T>(command: string, ...args: string[]): T {
  const out = execFileSync(process.execPath, [CLI, command, '--json', ...args], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as T;
}

/** `nines evaluate --json FILE`: the request-weighted availability of the first variant. */
export function availabilityByCli(path: string): number {
  const report = ninesJson<{ variants: { availability: { requestWeighted: number } | null }[] }>(
    'evaluate',
    path,
  );
  const figure = report.variants[0]?.availability?.requestWeighted;
  if (figure === undefined) throw new Error(`no availability for ${path}`);
  return figure;
}
