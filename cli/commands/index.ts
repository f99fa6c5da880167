/**
 * Every `nines` sub-command by name, in the order `nines --help` lists them. Each is loaded only
 * when it runs (or for the help), so that a command starts without the code and libraries of
 * the others: `nines validate` no longer initialises the chaos exporters' YAML writer, the diff's
 * git reader or the plan's file writers (the CLI is one bundle; esbuild keeps each dynamically
 * imported module behind a lazy initialiser).
 */
import type { Command } from './command';

const LOADERS = {
  validate: async () => (await import('./validate')).validateCommand,
  evaluate: async () => (await import('./evaluate')).evaluateCommand,
  simulate: async () => (await import('./simulate')).simulateCommand,
  'export-mef': async () => (await import('./export-mef')).exportMefCommand,
  'export-chaos': async () => (await import('./export-chaos')).exportChaosCommand,
  'check-run': async () => (await import('./check-run')).checkRunCommand,
  compare: async () => (await import('./compare')).compareCommand,
  diff: async () => (await import('./diff')).diffCommand,
  advise: async () => (await import('./advise')).adviseCommand,
  plan: async () => (await import('./plan')).planCommand,
  import: async () => (await import('./import')).importCommand,
  prices: async () => (await import('./prices')).pricesCommand,
} satisfies Record<string, () => Promise<Command>>;

/** The sub-commands' names, in the order `nines --help` lists them. */
export const COMMAND_NAMES = Object.keys(LOADERS) as readonly (keyof typeof LOADERS)[];

/** The command called `name`, loaded; undefined when there is none. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name as keyof typeof LOADERS]() : undefined;
}

/** Every command, loaded (for the usage text). */
export async function loadCommands(): Promise<Command[]> {
  return Promise.all(COMMAND_NAMES.map((name) => LOADERS[name]()));
}
