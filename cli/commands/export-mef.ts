/**
 * `nines export-mef FILE [--variant ID]`: the variant's structure (the first variant by default)
 * as an Open-PSA MEF fault tree whose top event `service-down` is "the service is down", on
 * standard output (e.g. `nines export-mef plan.nines.json > tree.xml; scram tree.xml --bdd
 * --probability 1`).
 */
import type { Command } from './command';
import { EXIT, loadOrReport } from '../io';

export const exportMefCommand: Command = {
  name: 'export-mef',
  usage: 'nines export-mef FILE [--variant ID]',
  summary: 'Write the structure as an Open-PSA MEF fault tree (top event: the service is down).',
  options: { variant: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined || positionals.length !== 1) return EXIT.usage;
    const document = await loadOrReport(io, file);
    if (!document) return EXIT.invalid;
    const variantId = typeof values.variant === 'string' ? values.variant : undefined;
    const { exportMef } = await import('../../shared/engine');
    const exported = exportMef(document, variantId);
    for (const issue of exported.issues) {
      io.stderr.write(`${file}: ${issue.severity}: ${issue.message}\n`);
    }
    if (exported.xml === undefined) return EXIT.invalid;
    io.stdout.write(exported.xml);
    return EXIT.ok;
  },
};
