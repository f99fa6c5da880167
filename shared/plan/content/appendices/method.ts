/** Appendix: how the figures were computed, with the availability terms of the variant. */
import { code, paragraph, type Block } from '../../document';
import { eventLabel, type PlanContext } from '../context';
import { formatAvailability, formatMinutesPerYear, formatNines } from '../../../text';
import { appendixHeading, appendixTable } from '../appendix-labels';

/** Appendix: how the availability figures are computed, with this variant's terms and cut sets. */
export function methodAppendix(ctx: PlanContext): Block[] {
  const a = ctx.evaluation.availability;
  return [
    appendixHeading('method'),
    paragraph(
      'Nines builds one Boolean function, “the entry works”, over independent basic events: each region, zone, link between regions and instance, with the steady-state availability MTBF / (MTBF + MTTR) or a given availability. Instances placed in a zone fail with it; a tier works while at least its minimum of instances works; a component works when it and all its dependencies work; a router works when enough of its targets work; a dependency between regions also needs their link. The probability of that function is computed exactly with a binary decision diagram, so shared zones and regions are never multiplied as if independent.',
    ),
    paragraph(
      'The headline figure is request-weighted: the share of good requests. It adds to the structural unavailability the time traffic takes to move after a tolerated failure (health-check detection, DNS TTL, data-tier promotion, weighted by each failure’s frequency and the share of traffic it touches) and the requests refused for lack of capacity after a failover: U = U_structural + U_transition + U_capacity.',
    ),
    {
      kind: 'table',
      caption: `${appendixTable('method', 1)} Availability of ${ctx.variant.name}`,
      columns: [
        { header: 'Term', width: 3 },
        { header: 'Unavailability', width: 2, align: 'right' },
        { header: 'Downtime', width: 2, align: 'right' },
      ],
      rows: [
        [
          'Structural',
          a.unavailability.structural.toExponential(3),
          formatMinutesPerYear(a.structuralMinutesPerYear),
        ],
        [
          'Transitions',
          a.unavailability.transition.toExponential(3),
          formatMinutesPerYear(a.transitionMinutesPerYear),
        ],
        [
          'Capacity',
          a.unavailability.capacity.toExponential(3),
          formatMinutesPerYear(a.capacityMinutesPerYear),
        ],
        [
          `Request-weighted (availability ${formatAvailability(a.requestWeighted)}${a.nines === null ? '' : `, ${formatNines(a.nines)}`})`,
          a.unavailability.requestWeighted.toExponential(3),
          formatMinutesPerYear(a.downtimeMinutesPerYear),
        ],
      ],
    },
    {
      kind: 'table',
      caption: `${appendixTable('method', 2)} Most probable minimal cut sets (failures that together stop the service)`,
      columns: [
        { header: 'Events', width: 7 },
        { header: 'Probability', width: 1.6, align: 'right' },
      ],
      rows: ctx.evaluation.cutSets
        .slice(0, 8)
        .map((c) => [
          c.events.map((e) => eventLabel(ctx, e)).join(' + '),
          c.probability.toExponential(3),
        ]),
    },
    paragraph(
      'The figures were checked against brute-force enumeration on small models and an independent fault-tree engine (SCRAM) on the templates; the Monte Carlo simulation of the same model (',
      code('nines simulate'),
      ') gives an interval that holds the exact figure.',
    ),
  ];
}
