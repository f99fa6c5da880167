/**
 * `nines diff A B`: what changing design A into design B does to every figure (docs/diff.md).
 * A and B are files or `git:REF:PATH` (read with `git show`, no checkout). Both sides are priced
 * with the same price book, so a cost change is a design change. Output: text, `--markdown` for
 * a pull-request comment, or `--json` (`nines-diff/1`). Exit 0, or 1 when `--fail-on` is hit or
 * a side is invalid, 2 on a bad command line.
 */
import { createHash } from 'node:crypto';
import type { DiffOptions, DiffInputSide } from '../../shared/diff';
import { formatProblem, parseDocumentText } from '../../shared/schema/parse';
import { encodingProblem } from '../../shared/text/encoding';
import type { Command } from './command';
import { EXIT, writeLines, type CliIo } from '../io';
import {
  GIT_PREFIX,
  parseGitSpec,
  readGitFile,
  readInputFile,
  type ReadResult,
} from '../../system';

/** Exit code when `--fail-on` is hit: 1, like invalid input, so that a CI step fails on either. */
const FAIL_ON_HIT = 1;

export const diffCommand: Command = {
  name: 'diff',
  usage: 'nines diff A B [--json | --markdown] [--fail-on regression|any] [options]',
  summary: 'What a change to a design does to every figure (files or git:REF:PATH).',
  options: {
    variant: { type: 'string' },
    json: { type: 'boolean' },
    markdown: { type: 'boolean' },
    prices: { type: 'string' },
    'fail-on': { type: 'string' },
    'max-cost-increase': { type: 'string' },
    'max-downtime-increase': { type: 'string' },
    renames: { type: 'boolean' },
    'only-on-change': { type: 'boolean' },
  },
  async run({ positionals, values }, io) {
    const flags = parseFlags(values);
    if (!flags.ok) return usageError(io, flags.message);
    if (positionals.length !== 2)
      return usageError(io, 'give two designs: A (before) and B (after)');
    const [baseName, headName] = positionals as [string, string];
    for (const name of [baseName, headName]) {
      if (!name.startsWith(GIT_PREFIX)) continue;
      const spec = parseGitSpec(name);
      if (!spec.ok) return usageError(io, spec.message);
    }
    // Both sides are read and checked before anything is compared: every problem of both is listed.
    const [base, head] = await Promise.all([loadSide(baseName), loadSide(headName)]);
    if (!base.ok || !head.ok) {
      for (const side of [base, head]) if (!side.ok) writeLines(io, side.problems);
      return EXIT.invalid;
    }
    const [{ diffDesigns, renderMarkdown, renderText }, { loadBookWithImports }] =
      await Promise.all([import('../../shared/diff'), import('../price-files')]);
    const pricesFile = flags.prices ?? undefined;
    const prices = await loadBookWithImports(io, pricesFile);
    if (!prices) return EXIT.invalid;
    const options: DiffOptions = {
      priceBook: prices.book,
      importedPrices:
        pricesFile === undefined ? null : { file: pricesFile, count: prices.imported },
      ...(flags.variant ? { variant: flags.variant } : {}),
      renames: flags.renames,
      ...(flags.maxCostIncreasePct === null
        ? {}
        : { maxCostIncreasePct: flags.maxCostIncreasePct }),
      ...(flags.maxDowntimeIncreasePct === null
        ? {}
        : { maxDowntimeIncreasePct: flags.maxDowntimeIncreasePct }),
    };
    const result = diffDesigns(base.side, head.side, options);
    if (!result.ok) {
      io.stderr.write(`nines diff: ${result.message}\n`);
      return EXIT.invalid;
    }
    const diff = result.diff;
    if (!(flags.onlyOnChange && !diff.summary.designChanged)) {
      io.stdout.write(
        flags.format === 'json'
          ? `${JSON.stringify(diff, null, 2)}\n`
          : flags.format === 'markdown'
            ? renderMarkdown(diff)
            : renderText(diff),
      );
    }
    const failed =
      flags.failOn === 'any'
        ? diff.summary.designChanged
        : flags.failOn === 'regression' && diff.summary.regressions > 0;
    return failed ? FAIL_ON_HIT : EXIT.ok;
  },
};

/** The options besides those the usage line shows, for a usage error. */
const MORE_OPTIONS =
  'Options: --variant ID[:ID], --prices FILE, --max-cost-increase P%, --max-downtime-increase P%, --renames, --only-on-change (docs/diff.md).';

/** Says what is wrong with the command line and which options there are; the caller's exit is 2. */
function usageError(io: CliIo, message: string): number {
  io.stderr.write(`nines diff: ${message}\n${MORE_OPTIONS}\n`);
  return EXIT.usage;
}

interface Flags {
  readonly format: 'text' | 'json' | 'markdown';
  readonly variant: DiffOptions['variant'] | null;
  readonly prices: string | null;
  readonly failOn: 'regression' | 'any' | null;
  readonly maxCostIncreasePct: number | null;
  readonly maxDowntimeIncreasePct: number | null;
  readonly renames: boolean;
  readonly onlyOnChange: boolean;
}

type Values = Parameters<Command['run']>[0]['values'];

/** The options, checked; a bad one is a usage error with its reason. */
export function parseFlags(
  values: Values,
): ({ ok: true } & Flags) | { ok: false; message: string } {
  const text = (name: string): string | null =>
    typeof values[name] === 'string' ? (values[name] as string) : null;
  if (values.json === true && values.markdown === true) {
    return { ok: false, message: '--json and --markdown cannot be combined' };
  }
  const failOn = text('fail-on');
  if (failOn !== null && failOn !== 'regression' && failOn !== 'any') {
    return { ok: false, message: `--fail-on must be "regression" or "any", not "${failOn}"` };
  }
  const variantText = text('variant');
  let variant: Flags['variant'] = null;
  if (variantText !== null) {
    const [b, a, ...more] = variantText.split(':');
    if (!b || more.length > 0 || a === '') {
      return {
        ok: false,
        message: `--variant must be ID or BASE_ID:HEAD_ID, not "${variantText}"`,
      };
    }
    variant = { base: b, head: a ?? b };
  }
  const cost = percent('--max-cost-increase', text('max-cost-increase'));
  if (!cost.ok) return cost;
  const downtime = percent('--max-downtime-increase', text('max-downtime-increase'));
  if (!downtime.ok) return downtime;
  return {
    ok: true,
    format: values.json === true ? 'json' : values.markdown === true ? 'markdown' : 'text',
    variant,
    prices: text('prices'),
    failOn,
    maxCostIncreasePct: cost.value,
    maxDowntimeIncreasePct: downtime.value,
    renames: values.renames === true,
    onlyOnChange: values['only-on-change'] === true,
  };
}

/** `10%` or `10` → 10; a negative, empty or non-numeric value is refused. */
function percent(
  flag: string,
  raw: string | null,
): { ok: true; value: number | null } | { ok: false; message: string } {
  if (raw === null) return { ok: true, value: null };
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(raw);
  if (!match)
    return { ok: false, message: `${flag} must be a percentage such as 10%, not "${raw}"` };
  return { ok: true, value: Number(match[1]) };
}

type LoadedSide = { ok: true; side: DiffInputSide } | { ok: false; problems: string[] };

/** Reads, migrates and checks one side; on failure, its problems as `NAME: path: message` lines. */
async function loadSide(name: string): Promise<LoadedSide> {
  let read: ReadResult;
  if (name.startsWith(GIT_PREFIX)) {
    const spec = parseGitSpec(name);
    read = spec.ok
      ? await readGitFile(spec.ref, spec.path, process.cwd())
      : { ok: false, reason: 'unreadable', message: spec.message };
  } else {
    read = readInputFile(name);
  }
  if (!read.ok) {
    return {
      ok: false,
      problems: [
        `${name}: ${read.reason === 'unreadable' ? '(file)' : '(document)'}: ${read.message}`,
      ],
    };
  }
  const encoding = encodingProblem(read.bytes);
  if (encoding) return { ok: false, problems: [`${name}: (document): ${encoding}`] };
  const parsed = parseDocumentText(read.bytes.toString('utf8'));
  if (!parsed.ok)
    return { ok: false, problems: parsed.problems.map((p) => `${name}: ${formatProblem(p)}`) };
  return {
    ok: true,
    side: {
      document: parsed.document,
      side: {
        file: name,
        sha256: createHash('sha256').update(read.bytes).digest('hex'),
        migrated: parsed.migrated,
      },
    },
  };
}
