/**
 * `nines`: the command line around the shared engine, for CI and scripts.
 * Exit codes: 0 ok, 1 invalid input (the message says where), 2 usage.
 */
// First: sets zod up before the schemas below are built.
import './zod-config';
import { loadCommand, loadCommands } from './commands/index';
import { EXIT, terminalIo, type CliIo } from './io';
import { runCommand } from './run-command';

async function usage(): Promise<string> {
  const commands = await loadCommands();
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'Usage: nines <command> [options]',
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 ok, 1 invalid input, 2 usage.',
    '',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[], processIo: CliIo = process): Promise<number> {
  // Every write below, and every command's, is escaped for the terminal.
  const io = terminalIo(processIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(await usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr.write(`nines: unknown command "${name}"\n\n${await usage()}`);
    return EXIT.usage;
  }
  return runCommand(command, rest, io);
}
