/**
 * `nines check-run FILE --results RESULTS.json [--json]`: a game day's measurements
 * (`nines-chaos-results/1`, docs/chaos.md) against the model's predictions: for each run, the
 * measured interruption against the predicted RTO, the data lost against the RPO and the served
 * share against the predicted one, with the gaps. Exit 0 whatever held (the report says), 1 for
 * an invalid project or results file, 2 for bad flags.
 */
import type { Command } from './command';
import { EXIT, loadOrReport, writeLines, type CliIo } from '../io';
import { readInputFile } from '../../system';
import type { CheckedFigure, CheckedRun } from '../../shared/chaos';
import { formatDuration, formatShare, printable } from '../../shared/text';

const FIGURE_NAMES = { rto: 'RTO', rpo: 'RPO', servedShare: 'served share' } as const;

function value(figure: CheckedFigure['figure'], x: number | null): string {
  if (figure === 'servedShare') return x === null ? 'none' : formatShare(x);
  if (x === null) return figure === 'rto' ? 'never' : 'unbounded';
  return formatDuration(x);
}

function figureText(f: CheckedFigure): string {
  const name = FIGURE_NAMES[f.figure];
  if (f.held === null) return `${name} not judged (${f.reason ?? 'no figure'})`;
  const verdict = f.held ? 'held' : 'MISSED';
  const gap =
    f.gap === null || f.gap === 0
      ? ''
      : f.figure === 'servedShare'
        ? `, ${formatShare(Math.abs(f.gap))} ${f.gap > 0 ? 'above' : 'below'}`
        : `, ${formatDuration(Math.abs(f.gap))} ${f.gap > 0 ? 'over' : 'under'}`;
  return `${name} ${verdict} (measured ${value(f.figure, f.measured)}, predicted ${value(f.figure, f.predicted)}${gap})`;
}

function writeReport(io: CliIo, runs: readonly CheckedRun[]): void {
  const figures = runs.flatMap((r) => r.figures);
  const count = (held: boolean | null) => figures.filter((f) => f.held === held).length;
  const lines = runs.map((r) => {
    const head = `${printable(r.variant)}/${printable(r.scenario)}: `;
    if (r.reason) return `${head}not checked (${r.reason})`;
    const error = r.errorRate === null ? '' : `; error rate ${formatShare(r.errorRate)}`;
    return `${head}${r.figures.map(figureText).join('; ')}${error}`;
  });
  lines.push('', `${count(true)} held, ${count(false)} missed, ${count(null)} not judged.`);
  io.stdout.write(`${lines.join('\n')}\n`);
}

export const checkRunCommand: Command = {
  name: 'check-run',
  usage: 'nines check-run FILE --results RESULTS.json [--json]',
  summary: "Compare a game day's measurements with the exported experiments' predictions.",
  options: { results: { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    const resultsFile = values.results;
    if (file === undefined || positionals.length !== 1 || typeof resultsFile !== 'string') {
      return EXIT.usage;
    }
    const document = await loadOrReport(io, file);
    if (!document) return EXIT.invalid;
    const read = readInputFile(resultsFile);
    if (!read.ok) {
      io.stderr.write(`${resultsFile}: ${read.message}\n`);
      return EXIT.invalid;
    }
    const [{ evaluate }, { loadBundledPriceBook }, { checkRun, parseChaosResults }] =
      await Promise.all([
        import('../../shared/engine'),
        import('../price-files'),
        import('../../shared/chaos'),
      ]);
    let json: unknown;
    try {
      json = JSON.parse(read.bytes.toString('utf8'));
    } catch (error) {
      io.stderr.write(`${resultsFile}: not JSON: ${(error as Error).message}\n`);
      return EXIT.invalid;
    }
    const parsed = parseChaosResults(json);
    if (!parsed.ok) {
      writeLines(
        io,
        parsed.problems.map((p) => `${resultsFile}: ${p}`),
      );
      return EXIT.invalid;
    }
    const report = evaluate(document, undefined, { priceBook: await loadBundledPriceBook() });
    const runs = checkRun(report, parsed.results);
    if (values.json === true) {
      io.stdout.write(`${JSON.stringify({ format: 'nines-check-run/1', runs }, null, 2)}\n`);
    } else {
      writeReport(io, runs);
    }
    return EXIT.ok;
  },
};
