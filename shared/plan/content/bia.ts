/**
 * Chapter: business impact analysis — the recovery objectives against what each scenario
 * achieves (pass / fail, the cost of the interruption) and the expected yearly downtime.
 */
import { scenarioMisses } from '../../engine';
import { TIME_PART_LABELS, type Decomposition, type ScenarioResult } from '../../engine';
import { bold, bullets, heading, inline, paragraph, type Block, type Inline } from '../document';
import { applyingScenarios, eventLabel, type PlanBasis, type PlanContext } from './context';
import {
  capitalise,
  formatAvailability,
  formatCount,
  formatDuration,
  formatMinutesPerYear,
  formatShare,
  formatUsd,
} from '../../text';

/**
 * `90 s = detection 30 s (Route 53) + DNS TTL 60 s (Route 53)`; `what` says which time an
 * empty decomposition is (an RTO without interruption, an RPO without data loss).
 */
export function decompositionText(ctx: PlanBasis, d: Decomposition, what: 'rto' | 'rpo'): string {
  const total = formatDuration(d.seconds);
  if (d.parts.length === 0)
    return `${total} (${what === 'rto' ? 'no interruption' : 'no data lost'})`;
  const parts = d.parts.map(
    (p) =>
      `${TIME_PART_LABELS[p.kind]} ${formatDuration(p.seconds)} (${eventLabel(ctx, p.nodeId)})`,
  );
  return `${total} = ${parts.join(' + ')}`;
}

/** What a scenario misses: `RTO`, `RPO`, `MTD`; empty when it passes. */
export function misses(ctx: Pick<PlanBasis, 'doc'>, s: ScenarioResult): string[] {
  return scenarioMisses(s);
}

/** `full service`, `degraded: 10 % served` or `service down`. */
export function outcome(s: ScenarioResult): string {
  if (s.status === 'full') return 'full service';
  if (s.status === 'degraded') return `degraded: ${formatShare(s.servedShare)} served`;
  return 'service down';
}

/** The BIA chapter. */
export function biaChapter(ctx: PlanContext): Block[] {
  const t = ctx.doc.targets ?? {};
  const a = ctx.evaluation.availability;
  const scenarios = applyingScenarios(ctx);
  const target = (value: number | undefined) =>
    value === undefined ? '' : ` (target ${formatDuration(value)})`;
  const rows = scenarios.map((s) => {
    const missed = misses(ctx, s);
    // One occurrence: the interruption as if every request failed, each degraded phase at its
    // refused share (docs/scenarios.md); null when a phase has no end or no hourly cost is set.
    const cost = s.downtimeCostUsd;
    return [
      s.name,
      outcome(s),
      formatDuration(s.rtoSeconds),
      formatDuration(s.rpoSeconds),
      t.mtdSeconds === undefined ? '—' : s.meetsMtd ? 'yes' : 'no',
      missed.length === 0 ? 'pass' : [bold(`fail: ${missed.join(', ')}`)],
      cost === null ? (s.rtoSeconds === null ? 'no end' : '—') : formatUsd(cost),
    ];
  });
  const failing = scenarios.filter((s) => misses(ctx, s).length > 0);
  const expectedCost = ctx.evaluation.cost?.expectedDowntimeCostPerYear ?? null;
  const yearly: Inline = [
    ...inline(
      'Over a year the model expects ',
      bold(formatMinutesPerYear(a.downtimeMinutesPerYear)),
      ' of downtime (request-weighted availability ',
      bold(formatAvailability(a.requestWeighted)),
      t.availability === undefined
        ? ''
        : `, ${a.requestWeighted >= t.availability ? 'meeting' : 'missing'} the target of ${formatAvailability(t.availability)}`,
      ')',
    ),
    ...(expectedCost === null
      ? inline('.')
      : inline(
          ', which costs ',
          bold(formatUsd(expectedCost)),
          ' a year at the hourly cost of downtime.',
        )),
  ];
  return [
    heading(1, 'Business impact analysis'),
    paragraph(
      t.impact === undefined
        ? 'No FIPS 199 impact level is set in the model.'
        : `The system is rated ${t.impact} impact (FIPS 199). `,
      'The objectives below are the organisation’s; the achieved figures are computed for each failure scenario of the model (forced failures, everything else working). ',
      t.minServedShare === undefined || t.minServedShare >= 1
        ? 'A scenario counts as recovered when every request is served again (a degraded service is not recovered). '
        : `A scenario counts as recovered when ${formatShare(t.minServedShare)} of the requests are served again (the organisation's threshold). `,
      'The maximum tolerable downtime is judged on the time until every request is served again. The downtime cost of a scenario adds up its phases at the cost of an hour of downtime',
      t.downtimeCostPerHour === undefined
        ? ' (not set in the model)'
        : ` (${formatUsd(t.downtimeCostPerHour)})`,
      ': until the first requests are served again as if every request failed (an upper bound), then each degraded phase at the share of requests it refuses.',
    ),
    {
      kind: 'keyValue',
      rows: [
        ...(t.impact ? [{ key: 'Impact level', value: capitalise(t.impact) }] : []),
        ...(t.mtdSeconds !== undefined
          ? [{ key: 'Maximum tolerable downtime (MTD)', value: formatDuration(t.mtdSeconds) }]
          : []),
        ...(t.rtoSeconds !== undefined
          ? [{ key: 'RTO target', value: formatDuration(t.rtoSeconds) }]
          : []),
        ...(t.rpoSeconds !== undefined
          ? [{ key: 'RPO target', value: formatDuration(t.rpoSeconds) }]
          : []),
      ],
    },
    ...(scenarios.length === 0
      ? [paragraph('The model defines no failure scenario for this variant.')]
      : [
          {
            kind: 'table' as const,
            caption: 'Table 3. Recovery objectives against achieved, by scenario',
            columns: [
              { header: 'Scenario', width: 3.2 },
              { header: 'Outcome', width: 2 },
              {
                header: `RTO achieved${target(t.rtoSeconds)}`,
                width: 1.6,
                align: 'right' as const,
              },
              {
                header: `RPO achieved${target(t.rpoSeconds)}`,
                width: 1.6,
                align: 'right' as const,
              },
              { header: 'Within MTD', width: 1.1, align: 'center' as const },
              { header: 'Result', width: 1.4, align: 'center' as const },
              { header: 'Downtime cost', width: 1.5, align: 'right' as const },
            ],
            rows,
          },
          ...(failing.length === 0
            ? []
            : [
                {
                  kind: 'callout' as const,
                  tone: 'warning' as const,
                  title: 'Objectives not met',
                  runs: inline(
                    `${failing.length} of ${formatCount(scenarios.length, 'scenario')} miss an objective: `,
                    failing.map((s) => `${s.name} (${misses(ctx, s).join(', ')})`).join('; '),
                    '. The runbooks in chapter “Recovery” still apply; chapter “Preventive controls” lists what would close the gap.',
                  ),
                },
              ]),
          heading(2, 'How the achieved times add up'),
          bullets(
            scenarios.map((s) =>
              inline(
                bold(s.name),
                `: RTO ${decompositionText(ctx, s.rto, 'rto')}; RPO ${decompositionText(ctx, s.rpo, 'rpo')}.`,
              ),
            ),
          ),
        ]),
    heading(2, 'Expected yearly downtime'),
    { kind: 'paragraph', runs: yearly },
  ];
}
