/** `nines validate FILE...`: exit 0 when every file is valid, else 1 with one line per problem. */
import type { Command } from './command';
import { EXIT, loadDocument, reportProblems } from '../io';

export const validateCommand: Command = {
  name: 'validate',
  usage: 'nines validate FILE...',
  summary: 'Check project files against the nines/1 format and its rules.',
  options: {},
  async run({ positionals }, io) {
    if (positionals.length === 0) return EXIT.usage;
    let code: number = EXIT.ok;
    for (const file of positionals) {
      const result = await loadDocument(file);
      if (result.ok) {
        io.stdout.write(
          `${file}: valid${result.migrated.length ? ` (migrated ${result.migrated.join(', ')})` : ''}\n`,
        );
      } else {
        reportProblems(io, file, result);
        code = EXIT.invalid;
      }
    }
    return code;
  },
};
