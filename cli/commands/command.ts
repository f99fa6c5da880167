/** The shape every `nines` sub-command has. */
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from '../io';

/** Parsed command line: option values and positional arguments. */
export interface CommandArgs {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: string[];
}

export interface Command {
  readonly name: string;
  /** One line, e.g. `nines validate FILE...`. */
  readonly usage: string;
  readonly summary: string;
  /** Options in `node:util` parseArgs form. */
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Runs the command; resolves to the exit code. Returns `EXIT.usage` to print the usage. */
  run(args: CommandArgs, io: CliIo): Promise<number>;
}
