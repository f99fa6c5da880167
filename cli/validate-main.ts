/**
 * `nines validate` on its own: the entry of a bundle of its own (cli/bin/bundle.cjs), which the
 * launcher runs for `nines validate` rather than the whole CLI's. Validating, the command CI
 * jobs and editors run most, needs only the parser: this bundle is some 160 kB where the CLI's
 * is 2.4 MB (the plan writers, the engine, the Terraform import's layout engine), and reading,
 * compiling and starting that much was most of what `nines validate` did before reading its file.
 */
// First: sets zod up before the schemas below are built.
import './zod-config';
import { validateCommand } from './commands/validate';
import { terminalIo, type CliIo } from './io';
import { runCommand } from './run-command';

/**
 * Runs `argv` (without node and the script), whose first word is `validate`, as cli/index.ts's
 * `main` would; resolves to the exit code.
 */
export async function main(argv: readonly string[], processIo: CliIo = process): Promise<number> {
  return runCommand(validateCommand, argv.slice(1), terminalIo(processIo));
}
