/** The appendices in order, and the glossary (the shortest, kept with the list). */
import { appendix, type Block, PAGE_BREAK } from '../../document';
import { type PlanContext } from '../context';
import { parametersAppendix } from './parameters';
import { interconnectionsAppendix, inventoryAppendix } from './inventory';
import { methodAppendix } from './method';

const GLOSSARY: readonly [string, string][] = [
  [
    'Active-Active',
    'Every site serves reads and writes; data replicates between them (here: Redis Enterprise CRDB).',
  ],
  [
    'Active-passive',
    'One site (the primary) serves writes; a standby takes over after a failover.',
  ],
  [
    'AOF',
    'Append-only file: Redis persistence that logs every write, fsynced every second or on every write.',
  ],
  [
    'BIA',
    'Business impact analysis: the effect of a disruption on the mission, and the recovery objectives.',
  ],
  [
    'Birnbaum importance',
    'How much the service’s availability depends on one event: P(up | event up) − P(up | event down).',
  ],
  [
    'CRDT',
    'Conflict-free replicated data type: data that merges concurrent writes without coordination.',
  ],
  [
    'Cut set',
    'A set of failures that together stop the service; minimal when no smaller part does.',
  ],
  ['Failback', 'Returning traffic to the original site after it is repaired.'],
  ['Fussell–Vesely importance', 'The share of the unavailability in which an event takes part.'],
  ['ISCP', 'Information System Contingency Plan (NIST SP 800-34).'],
  [
    'Lag-aware failback',
    'Failback that waits until the recovered member’s replication lag is below a threshold.',
  ],
  ['MTBF', 'Mean time between failures.'],
  ['MTD', 'Maximum tolerable downtime: the longest disruption the organisation accepts.'],
  ['MTTR', 'Mean time to repair.'],
  [
    'RPO',
    'Recovery point objective: the data that may be lost, as a span of time before the disruption.',
  ],
  ['RTO', 'Recovery time objective: how long the system may remain unavailable.'],
  ['Split-brain', 'A partition between sites that each keep serving on their own.'],
  ['TTL', 'Time to live: how long clients cache a DNS answer.'],
];

function glossaryAppendix(): Block[] {
  return [
    appendix('Appendix E. Glossary', 'appendix-glossary'),
    { kind: 'keyValue', rows: GLOSSARY.map(([key, value]) => ({ key, value })) },
  ];
}

/** Appendices A–E. */
export function appendices(ctx: PlanContext): Block[] {
  return [
    PAGE_BREAK,
    ...parametersAppendix(ctx),
    ...inventoryAppendix(ctx),
    ...interconnectionsAppendix(ctx),
    ...methodAppendix(ctx),
    ...glossaryAppendix(),
  ];
}
