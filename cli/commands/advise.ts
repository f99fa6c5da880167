/**
 * `nines advise FILE [--variant ID] [--json]`: design findings against the field guide's
 * principles, each with its fix and the fix's measured effect (availability, downtime, monthly
 * cost from the bundled price book). Findings are advice, not errors: the exit code is 0 with
 * findings, 1 only for a file that cannot be read or evaluated.
 */
import type { Finding, VariantAdvice } from '../../shared/engine';
import type { Command } from './command';
import { EXIT, loadOrReport, type CliIo } from '../io';
import { formatCount, formatNumber, printable } from '../../shared/text';

export const adviseCommand: Command = {
  name: 'advise',
  usage: 'nines advise FILE [--variant ID] [--json]',
  summary: 'Design findings, each with its fix and the fix’s measured effect.',
  options: { json: { type: 'boolean' }, variant: { type: 'string' } },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined || positionals.length !== 1) return EXIT.usage;
    const document = await loadOrReport(io, file);
    if (!document) return EXIT.invalid;
    const variantId = typeof values.variant === 'string' ? values.variant : undefined;
    // Loaded here, not at start-up: `nines validate` needs neither.
    const [{ advise, effectSummary }, { loadBundledPriceBook }] = await Promise.all([
      import('../../shared/engine'),
      import('../price-files'),
    ]);
    const report = advise(document, variantId, { priceBook: await loadBundledPriceBook() });
    const issues = [...report.issues, ...report.variants.flatMap((v) => v.issues)];
    for (const issue of issues) io.stderr.write(`${file}: ${issue.severity}: ${issue.message}\n`);
    if (values.json === true) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else writeList(io, document.variants, report.variants, effectSummary);
    const failed = issues.some((i) => i.severity === 'error');
    return failed ? EXIT.invalid : EXIT.ok;
  },
};

function writeList(
  io: CliIo,
  variants: readonly { id: string; name: string }[],
  advice: readonly VariantAdvice[],
  effectSummary: (finding: Finding) => string,
): void {
  const lines: string[] = [];
  for (const v of advice) {
    const name = printable(variants.find((x) => x.id === v.id)?.name ?? v.id);
    const count = v.findings.length;
    lines.push(`${v.id} — ${name}: ${count === 0 ? 'no findings' : formatCount(count, 'finding')}`);
    if (v.truncated !== null) {
      const total = v.truncated.measured + v.truncated.unmeasured;
      lines.push(
        `  truncated: ${formatNumber(v.truncated.measured)} of ${formatCount(total, 'fix', 'fixes')} measured within the work budget, most severe first; the others are not measured (docs/advisor.md)`,
      );
    }
    for (const f of v.findings) lines.push(...findingLines(f, effectSummary));
    lines.push('');
  }
  io.stdout.write(lines.join('\n'));
}

function findingLines(f: Finding, effectSummary: (finding: Finding) => string): string[] {
  return [
    `  ${f.severity.toUpperCase().padEnd(6)} ${f.title} [${f.code}]`,
    `      nodes: ${f.nodeIds.join(', ')}`,
    `      ${f.message}`,
    `      fix: ${f.fix.label}${f.fix.op ? '' : f.notMeasured ? ' (not measured: work budget)' : ' (not a model change)'}`,
    `      effect: ${effectSummary(f)}`,
  ];
}
