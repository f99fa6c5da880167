/**
 * `nines validate FILE... [--strict]`: exit 0 when every file is valid, else 1 with one line per
 * problem. `--strict` also checks the names the price book prices by: a region location or an
 * instance type the book does not know is a warning line (its nodes stay unpriced), and a
 * warning fails the run. Without `--strict` such names are never refused.
 */
import type { Command } from './command';
import { EXIT, loadDocument, reportProblems } from '../io';

export const validateCommand: Command = {
  name: 'validate',
  usage: 'nines validate FILE... [--strict]',
  summary: 'Check project files against the nines/1 format and its rules.',
  options: { strict: { type: 'boolean' } },
  async run({ positionals, values }, io) {
    if (positionals.length === 0) return EXIT.usage;
    const strict = values.strict === true;
    const checker = strict
      ? await Promise.all([import('../price-files'), import('../../shared/catalog/coverage')])
      : undefined;
    const book = checker ? await checker[0].loadBundledPriceBook() : undefined;
    let code: number = EXIT.ok;
    for (const file of positionals) {
      const result = await loadDocument(file);
      if (!result.ok) {
        reportProblems(io, file, result);
        code = EXIT.invalid;
        continue;
      }
      const warnings = checker && book ? checker[1].priceBookWarnings(result.document, book) : [];
      for (const w of warnings) io.stdout.write(`${file}: warning: ${w.path}: ${w.message}\n`);
      if (warnings.length > 0) code = EXIT.invalid;
      io.stdout.write(
        `${file}: valid${result.migrated.length ? ` (migrated ${result.migrated.join(', ')})` : ''}${warnings.length > 0 ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (--strict)` : ''}\n`,
      );
    }
    return code;
  },
};
