/**
 * Chapter: business impact analysis — the business functions the system serves (the
 * organisation's to name), the impact of an outage over time, the recovery objectives against what
 * each scenario achieves (pass / fail, the cost of each phase) and the expected yearly downtime,
 * with and without planned maintenance.
 */
import { refusedHours, scenarioMisses } from '../../engine';
import {
  TIME_PART_LABELS,
  type Decomposition,
  type ScenarioPhase,
  type ScenarioResult,
} from '../../engine';
import {
  bold,
  bullets,
  heading,
  inline,
  paragraph,
  type Block,
  type Cell,
  type Inline,
} from '../document';
import { appendixRef } from './appendix-labels';
import { blankCell } from './blanks';
import { plannedDowntimeBlocks } from './planned-maintenance';
import {
  applyingScenarios,
  eventLabel,
  labelOf,
  type PlanBasis,
  type PlanContext,
} from './context';
import {
  capitalise,
  formatAvailability,
  formatCount,
  formatDuration,
  formatMinutesPerYear,
  formatNumber,
  formatShare,
  formatUsd,
  withUnit,
} from '../../text';

/** The times after the failure at which the BIA states the impact of an outage, hours. */
export const IMPACT_HORIZONS_HOURS: readonly number[] = [1, 4, 24];

/** Blank rows of the business-functions table. */
const BUSINESS_FUNCTION_ROWS = 3;

/** A point in time at which the impact is stated: seconds after the failure, and its label. */
export interface ImpactHorizon {
  readonly seconds: number;
  readonly label: string;
}

/**
 * The horizons of the impact-over-time table: 1 h, 4 h and 24 h after the failure, and the MTD
 * when the model sets one (merged with an equal horizon), in time order.
 */
export function impactHorizons(mtdSeconds: number | undefined): ImpactHorizon[] {
  const horizons = IMPACT_HORIZONS_HOURS.map((h) => ({
    seconds: h * 3600,
    label: withUnit(formatNumber(h), 'h'),
  }));
  if (mtdSeconds === undefined) return horizons;
  const same = horizons.find((h) => h.seconds === mtdSeconds);
  if (same) return horizons.map((h) => (h === same ? { ...h, label: `${h.label} (MTD)` } : h));
  return [...horizons, { seconds: mtdSeconds, label: `${formatDuration(mtdSeconds)} (MTD)` }].sort(
    (a, b) => a.seconds - b.seconds,
  );
}

/**
 * The impact of an outage `seconds` after the failure, following the scenario's phases: the
 * hours of refused requests up to then (the interruption in full, each degraded phase at the share
 * it refuses, nothing once every request is served) × the hourly cost of downtime; with no hourly
 * cost, the same hours as time of full outage. `phases` null: a complete outage that lasts.
 */
export function impactAt(
  phases: readonly ScenarioPhase[] | null,
  seconds: number,
  perHour: number | undefined,
): string {
  const hours = phases === null ? seconds / 3600 : (refusedHours(phases, seconds) as number);
  return perHour === undefined
    ? `${formatDuration(hours * 3600)} of full outage`
    : formatUsd(hours * perHour);
}

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
        : `, ${a.againstTarget.requestWeighted >= t.availability ? 'meeting' : 'missing'} the target of ${formatAvailability(t.availability)}${a.againstTarget.excludesPlannedDowntime ? ' (which excludes planned maintenance)' : ''}`,
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
    ...businessFunctions(ctx),
    heading(2, 'Recovery objectives by scenario'),
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
                    `${failing.length} of ${formatCount(scenarios.length, 'scenario')} ${failing.length === 1 ? 'misses' : 'miss'} an objective: `,
                    failing.map((s) => `${s.name} (${misses(ctx, s).join(', ')})`).join('; '),
                    '. The runbooks in chapter “Recovery” still apply; chapter “Preventive controls” lists what would close the gap.',
                  ),
                },
              ]),
        ]),
    ...impactOverTime(ctx),
    ...(scenarios.length === 0
      ? []
      : [
          ...phaseCosts(ctx),
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
    ...plannedDowntimeBlocks(ctx),
    heading(2, 'Recovery priorities'),
    paragraph(
      `The resources the system needs are its components (${appendixRef('inventory')}). They come back in the order of Table 7 in chapter “Recovery”: each component before those that depend on it, data tiers first and the entry last; every component on the request path shares the system’s RTO.`,
    ),
  ];
}

/**
 * The business functions the system serves: the model knows the entry they reach it through and
 * the system's objectives, not the functions themselves, so their rows are blanks.
 */
function businessFunctions(ctx: PlanContext): Block[] {
  const t = ctx.doc.targets ?? {};
  const objectives = [
    t.mtdSeconds === undefined ? undefined : `an MTD of ${formatDuration(t.mtdSeconds)}`,
    t.rtoSeconds === undefined ? undefined : `an RTO of ${formatDuration(t.rtoSeconds)}`,
    t.rpoSeconds === undefined ? undefined : `an RPO of ${formatDuration(t.rpoSeconds)}`,
  ].filter((o): o is string => o !== undefined);
  const row = (): Cell[] => [
    blankCell('business function'),
    blankCell('what it does, who relies on it'),
    blankCell('owner'),
    blankCell('outage it tolerates'),
    blankCell('priority'),
  ];
  return [
    heading(2, 'Business functions'),
    paragraph(
      `Every business function that uses ${ctx.doc.name} reaches it through `,
      bold(labelOf(ctx, ctx.variant.entry)),
      objectives.length === 0
        ? '. The model sets no recovery objective; the owner of each function states the outage it tolerates.'
        : `, so each is held to the system’s objectives (${objectives.join(', ')}) unless its owner needs a shorter outage: then the shortest one applies to the system.`,
      ' Which functions these are, and their priority, is the organisation’s knowledge, not the model’s.',
    ),
    {
      kind: 'table',
      caption: 'Table 17. Business functions served by the system',
      columns: [
        { header: 'Business function', width: 2.2 },
        { header: 'Description', width: 3.2 },
        { header: 'Owner', width: 1.6 },
        { header: 'Tolerable outage', width: 1.6 },
        { header: 'Priority', width: 1.2 },
      ],
      rows: Array.from({ length: BUSINESS_FUNCTION_ROWS }, row),
    },
  ];
}

/**
 * The impact of an outage over time: for a complete outage that lasts and for each scenario, the
 * cost reached 1 h, 4 h and 24 h after the failure and at the MTD ({@link impactAt}).
 */
function impactOverTime(ctx: PlanContext): Block[] {
  const t = ctx.doc.targets ?? {};
  const perHour = t.downtimeCostPerHour;
  const horizons = impactHorizons(t.mtdSeconds);
  const scenarios = applyingScenarios(ctx);
  return [
    heading(2, 'Outage impact over time'),
    paragraph(
      perHour === undefined
        ? 'The model sets no cost of downtime, so the impact is stated as the time of full outage it amounts to: '
        : `The impact of an outage grows with its length at the cost of an hour of downtime (${formatUsd(perHour)}). The table gives the cost reached at each time after the failure: `,
      'for a complete outage that lasts, hours × the hourly cost; for each scenario, its phases up to that time, the interruption in full and each degraded phase at the share of requests it refuses, and nothing more once every request is served again (so a scenario’s figure stops growing at its recovery).',
      t.mtdSeconds === undefined
        ? ' The model sets no MTD.'
        : ` Beyond the MTD (${formatDuration(t.mtdSeconds)}) the disruption is longer than the organisation can tolerate, whatever it costs: the business continuity plan takes over (${appendixRef('associatedPlans')}).`,
    ),
    {
      kind: 'table',
      caption: 'Table 18. Impact of an outage over time',
      columns: [
        { header: 'Disruption', width: 3.4 },
        ...horizons.map((h) => ({ header: h.label, width: 1.4, align: 'right' as const })),
      ],
      rows: [
        ['Complete outage that lasts', ...horizons.map((h) => impactAt(null, h.seconds, perHour))],
        ...scenarios.map((s) => [
          s.name,
          ...horizons.map((h) => impactAt(s.phases, h.seconds, perHour)),
        ]),
      ],
    },
  ];
}

/** `0 s`, `20 s`, `45 min`; `no end` for a phase that lasts. */
function phaseEnd(seconds: number | null): string {
  return seconds === null ? 'no end' : formatDuration(seconds);
}

/**
 * Each scenario's phases, from the failure to full service, with what each costs: the phase's
 * refused share × its length × the hourly cost; they add up to the scenario's downtime cost.
 */
function phaseCosts(ctx: PlanContext): Block[] {
  const perHour = ctx.doc.targets?.downtimeCostPerHour;
  const rows = applyingScenarios(ctx).flatMap((s) =>
    s.phases.map((p, i): Cell[] => {
      const hours = refusedHours([p]);
      return [
        i === 0 ? s.name : '',
        p.kind === 'interruption'
          ? 'interruption'
          : p.kind === 'degraded'
            ? 'degraded'
            : 'full service',
        formatDuration(p.fromSeconds),
        p.kind === 'full' ? '—' : phaseEnd(p.toSeconds),
        formatShare(p.servedShare),
        perHour === undefined ? '—' : hours === null ? 'no end' : formatUsd(hours * perHour),
      ];
    }),
  );
  return [
    heading(2, 'Phases of each scenario and their cost'),
    paragraph(
      'What users get from the failure until every request is served again: the interruption, when no request is served; degraded phases, when a share of the requests is refused (too little capacity, part of the traffic moved); full service. The cost of a phase is the share of requests it refuses × its length × the hourly cost of downtime; the phases of a scenario add up to its downtime cost in Table 3.',
    ),
    {
      kind: 'table',
      caption: 'Table 19. Phases of each scenario and their cost',
      columns: [
        { header: 'Scenario', width: 3.2 },
        { header: 'Phase', width: 1.6 },
        { header: 'From', width: 1.1, align: 'right' },
        { header: 'To', width: 1.1, align: 'right' },
        { header: 'Served', width: 1.1, align: 'right' },
        { header: 'Cost', width: 1.4, align: 'right' },
      ],
      rows,
    },
  ];
}
