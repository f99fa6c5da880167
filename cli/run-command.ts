/** Running one `nines` sub-command on its arguments: shared by the CLI's entry points. */
import { parseArgs } from 'node:util';
import type { Command } from './commands/command';
import { EXIT, type CliIo } from './io';

/**
 * Parses `args` (the command line after the command's name) with `command`'s options and runs
 * it; resolves to the exit code. A bad option, or a run that answers `EXIT.usage`, also writes
 * the command's usage line to standard error.
 */
export async function runCommand(
  command: Command,
  args: readonly string[],
  io: CliIo,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.stderr.write(
      `nines ${command.name}: ${(error as Error).message}\nUsage: ${command.usage}\n`,
    );
    return EXIT.usage;
  }
  const code = await command.run(parsed, io);
  if (code === EXIT.usage) io.stderr.write(`Usage: ${command.usage}\n`);
  return code;
}
