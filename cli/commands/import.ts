/**
 * `nines import terraform FILE [-o OUT.nines.json] [--report REPORT.json] [--default-region R]
 * [--with-scenarios]`: the JSON of `terraform show -json` (a state or a saved plan) → a laid-out
 * `nines/1` design (written atomically, or to standard output without `-o`), the import report
 * (`--report`), and at once the design's headline figures: availability, single points of
 * failure and the recovery time of each region outage. Bad input is one clear line and exit 1.
 */
import type { Command } from './command';
import type { ImportReport } from '../../shared/import/terraform';
import type { NinesDocument } from '../../shared/model/types';
import { readInputFile, writeFileAtomic } from '../../system';
import { EXIT, type CliIo } from '../io';
import { encodingProblem } from '../../shared/text/encoding';
import {
  formatAvailability,
  formatCount,
  formatDuration,
  formatMinutesPerYear,
  printable,
} from '../../shared/text';

/** Warnings and assumptions listed one by one before the rest are counted. */
const LISTED = 20;

export const importCommand: Command = {
  name: 'import',
  usage:
    'nines import terraform FILE [-o OUT] [--report R] [--default-region R] [--with-scenarios]',
  summary: 'A design from `terraform show -json` (state or plan), with a report of every guess.',
  options: {
    out: { type: 'string', short: 'o' },
    report: { type: 'string' },
    'default-region': { type: 'string' },
    'with-scenarios': { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const [source, file] = positionals;
    if (source !== 'terraform' || file === undefined || positionals.length !== 2) return EXIT.usage;
    const read = readInputFile(file);
    if (!read.ok) return fail(io, file, read.message);
    const encoding = encodingProblem(read.bytes);
    if (encoding) return fail(io, file, encoding);
    const [{ importTerraformText, withLayout }, { default: ELK }, { serializeDocument }] =
      await Promise.all([
        import('../../shared/import/terraform'),
        import('elkjs/lib/elk.bundled.js'),
        import('../../shared/schema/serialize'),
      ]);
    const defaultRegion = values['default-region'];
    const result = importTerraformText(read.bytes.toString('utf8'), {
      ...(typeof defaultRegion === 'string' ? { defaultRegion } : {}),
      withScenarios: values['with-scenarios'] === true,
    });
    if (!result.ok) return fail(io, file, result.message);
    const elk = new ELK();
    const document = await withLayout(result.document, (graph) =>
      elk.layout(graph as Parameters<typeof elk.layout>[0]),
    );
    const out = typeof values.out === 'string' ? values.out : undefined;
    const reportFile = typeof values.report === 'string' ? values.report : undefined;
    try {
      if (out !== undefined) await writeFileAtomic(out, serializeDocument(document));
      if (reportFile !== undefined) {
        await writeFileAtomic(reportFile, `${JSON.stringify(result.report, null, 2)}\n`);
      }
    } catch (error) {
      return fail(io, out ?? reportFile ?? file, `cannot write: ${(error as Error).message}`);
    }
    if (out === undefined) io.stdout.write(serializeDocument(document));
    // With the design on standard output, the summary goes to standard error.
    const summary = out === undefined ? io.stderr : io.stdout;
    summary.write(`${reportLines(file, out, result.report).join('\n')}\n`);
    summary.write(`${await headline(document)}\n`);
    return EXIT.ok;
  },
};

function fail(io: CliIo, file: string, message: string): number {
  io.stderr.write(`${file}: ${message}\n`);
  return EXIT.invalid;
}

function reportLines(file: string, out: string | undefined, report: ImportReport): string[] {
  const c = report.counts;
  const listed = <T>(items: readonly T[], line: (t: T) => string) => [
    ...items.slice(0, LISTED).map(line),
    ...(items.length > LISTED ? [`    … and ${items.length - LISTED} more (see --report)`] : []),
  ];
  return [
    `${file}: ${report.source.kind} (format ${report.source.formatVersion}${report.source.terraformVersion ? `, terraform ${report.source.terraformVersion}` : ''}) → ${out ?? 'standard output'}`,
    `  ${formatCount(c.resources, 'resource')}: ${c.mapped} mapped, ${c.skipped} skipped; ${formatCount(c.assumed, 'value')} assumed, ${formatCount(c.inferred, 'edge')} inferred, ${formatCount(c.warnings, 'warning')}`,
    ...(report.assumed.length > 0 ? ['  assumed:'] : []),
    ...listed(report.assumed, (a) => `    ${a.node}.${a.field} = ${String(a.value)}: ${a.why}`),
    ...(report.inferred.length > 0 ? ['  inferred:'] : []),
    ...listed(report.inferred, (e) => `    ${e.from} → ${e.to}: ${e.why}`),
    ...(report.warnings.length > 0 ? ['  warnings:'] : []),
    ...listed(report.warnings, (w) => `    ${w.code}${w.node ? ` (${w.node})` : ''}: ${w.message}`),
    ...(report.skipped.length > 0
      ? [`  skipped: ${report.skipped.map((s) => `${s.type} ×${s.count}`).join(', ')}`]
      : []),
    ...(report.unconnected.length > 0
      ? [`  unconnected (connect by hand): ${report.unconnected.join(', ')}`]
      : []),
  ].map((line) => printable(line));
}

/**
 * The design's headline figures: request-weighted availability, single points of failure and
 * each region outage's RTO (the standard drills are evaluated for this summary when the design
 * has no scenarios of its own).
 */
async function headline(document: NinesDocument): Promise<string> {
  const { evaluate, standardDrills } = await import('../../shared/engine');
  const drilled =
    (document.scenarios ?? []).length > 0
      ? document
      : { ...document, scenarios: standardDrills(document) };
  const [variant] = evaluate(drilled).variants;
  const a = variant?.availability;
  if (!variant || !a) {
    return `  not evaluated: ${variant?.issues.map((i) => i.message).join('; ') ?? 'no variant'}`;
  }
  const regions = variant.scenarios.filter((s) => s.id.startsWith('region-outage-') && s.applies);
  return [
    `  availability ${formatAvailability(a.requestWeighted, { digits: 5 })} (${formatMinutesPerYear(a.downtimeMinutesPerYear, { digits: 1 })} down), single points of failure: ${variant.singlePointsOfFailure.join(', ') || 'none'}`,
    ...regions.map(
      (s) =>
        `  ${printable(s.name)}: ${s.status ?? 'n/a'}, RTO ${s.rtoSeconds === null ? 'never' : formatDuration(s.rtoSeconds)}`,
    ),
  ].join('\n');
}
