/** Runs the CLI in-process with captured output, for the CLI's tests. */
import { main } from './index';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** Path of a file under cli/fixtures/. */
export function fixture(name: string): string {
  return new URL(`./fixtures/${name}`, import.meta.url).pathname;
}

/** Path of a bundled template. */
export function template(stem: string): string {
  return new URL(`../assets/templates/${stem}.nines.json`, import.meta.url).pathname;
}
