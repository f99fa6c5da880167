/** Every `nines` sub-command, in the order `nines --help` lists them. */
import { adviseCommand } from './advise';
import { checkRunCommand } from './check-run';
import type { Command } from './command';
import { compareCommand } from './compare';
import { diffCommand } from './diff';
import { evaluateCommand } from './evaluate';
import { exportChaosCommand } from './export-chaos';
import { exportMefCommand } from './export-mef';
import { importCommand } from './import';
import { planCommand } from './plan';
import { pricesCommand } from './prices';
import { simulateCommand } from './simulate';
import { validateCommand } from './validate';

export const COMMANDS: readonly Command[] = [
  validateCommand,
  evaluateCommand,
  simulateCommand,
  exportMefCommand,
  exportChaosCommand,
  checkRunCommand,
  compareCommand,
  diffCommand,
  adviseCommand,
  planCommand,
  importCommand,
  pricesCommand,
];
