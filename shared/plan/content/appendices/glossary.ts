/**
 * Appendix: glossary and acronyms, derived from use. Every term below is listed only when the
 * plan uses it, and every acronym the plan uses must be here: `acronymsIn` finds them (the
 * plan's tests fail on one the glossary does not define).
 */
import type { Block, Cell, Inline } from '../../document';
import { appendixHeading } from '../appendix-labels';

/** A glossary entry: the term as listed, what it means, and how to find it in the text. */
interface Entry {
  readonly term: string;
  readonly definition: string;
  /** Matches a use of the term; the term itself, as a whole word, when absent. */
  readonly pattern?: RegExp;
}

/**
 * The entries in the glossary's order: alphabetical, capitals and hyphens aside (the order of
 * `localeCompare(other, 'en', { sensitivity: 'base' })`, which glossary.test.ts checks). Kept so
 * in the source, the plan's glossary is these entries filtered: sorting them when a plan is
 * built loaded ICU's collation data, some 5 ms at every start of the CLI.
 */
const ENTRIES: readonly Entry[] = [
  {
    term: 'Active-Active',
    definition:
      'Every site serves reads and writes; data replicates between them and concurrent writes to one key are reconciled.',
    pattern: /Active-Active/,
  },
  {
    term: 'Active-passive',
    definition: 'One site (the primary) serves writes; a standby takes over after a failover.',
    pattern: /\bactive-passive\b/i,
  },
  { term: 'ALB', definition: 'Application Load Balancer: the layer-7 load balancer of AWS.' },
  {
    term: 'AOF',
    definition:
      'Append-only file: Redis persistence that logs every write, written to disk every second or on every write.',
  },
  { term: 'API', definition: 'Application programming interface.' },
  { term: 'ARN', definition: 'Amazon Resource Name: the identifier of an AWS resource.' },
  { term: 'AWS', definition: 'Amazon Web Services.' },
  { term: 'AZ', definition: 'Availability Zone: an isolated location within a cloud region.' },
  { term: 'BCP', definition: 'Business continuity plan.' },
  {
    term: 'Beta factor',
    definition:
      'The share of one instance’s failures that take every instance of a tier down at once (IEC 61508-6 Annex D).',
    pattern: /\bbeta factor\b/i,
  },
  {
    term: 'BIA',
    definition:
      'Business impact analysis: the effect of a disruption on the mission, and the recovery objectives.',
  },
  {
    term: 'Common cause',
    definition:
      'One event that fails several redundant parts at once (a global deploy or configuration change, an expired certificate, a shared control plane), so that their redundancy does not help.',
    pattern: /\bcommon causes?\b/i,
  },
  {
    term: 'Concurrent processing',
    definition:
      'Running the recovered system at the original site in parallel with the alternate site until it is known to work, before switching back.',
    pattern: /\bconcurrent processing\b/i,
  },
  { term: 'COOP', definition: 'Continuity of operations plan.' },
  {
    term: 'CP',
    definition:
      'Contingency planning: the family of NIST SP 800-53 controls CP-1 to CP-13 (CP-2 contingency plan, CP-4 testing, CP-9 backup, …).',
    pattern: /\bCP-\d/,
  },
  { term: 'CPU', definition: 'Central processing unit.' },
  {
    term: 'CRDB',
    definition:
      'Conflict-free replicated database: the Active-Active database of Redis Enterprise, whose members accept writes and merge them.',
  },
  {
    term: 'CRDT',
    definition:
      'Conflict-free replicated data type: data that merges concurrent writes without coordination.',
  },
  {
    term: 'Cut set',
    definition:
      'A set of failures that together stop the service; minimal when no smaller part does.',
    pattern: /\bcut sets?\b/i,
  },
  { term: 'DNS', definition: 'Domain Name System.' },
  { term: 'EC2', definition: 'Amazon Elastic Compute Cloud: the virtual machines of AWS.' },
  {
    term: 'Error budget',
    definition: 'The share of requests that may fail under the availability target: 1 − target.',
    pattern: /\berror budget\b/i,
  },
  {
    term: 'Failback',
    definition: 'Returning traffic to the original site after it is repaired.',
    pattern: /\bfail(?:s|ing)? ?back\b/i,
  },
  {
    term: 'FIPS',
    definition:
      'Federal Information Processing Standards; FIPS 199 rates a system’s impact level (low, moderate, high).',
  },
  {
    term: 'FIS',
    definition:
      'AWS Fault Injection Service: runs experiment templates that inject faults (stopped instances, cut network paths) into AWS resources.',
  },
  {
    term: 'FQDN',
    definition: 'Fully qualified domain name: the complete DNS name of a host, e.g. a cluster’s.',
  },
  {
    term: 'GUID',
    definition:
      'Globally unique identifier: Redis Enterprise names an Active-Active database by one.',
  },
  { term: 'HA', definition: 'High availability.' },
  {
    term: 'Hot site',
    definition:
      'An alternate site that runs the system and can carry the full workload at once; a warm site is partly equipped, a cold site only a facility.',
    pattern: /\bhot site\b/i,
  },
  {
    term: 'IEC',
    definition:
      'International Electrotechnical Commission; IEC 61508 is its standard on the functional safety of programmable systems.',
  },
  { term: 'ISA', definition: 'Interconnection security agreement.' },
  { term: 'ISCP', definition: 'Information system contingency plan (NIST SP 800-34).' },
  { term: 'ISO', definition: 'International Organization for Standardization.' },
  {
    term: 'Lag-aware failback',
    definition:
      'Failback that waits until the recovered member’s replication lag is below a threshold.',
    pattern: /\blag-aware\b/i,
  },
  { term: 'LCU', definition: 'Load balancer capacity unit: the billing unit of an AWS ALB.' },
  { term: 'MOU', definition: 'Memorandum of understanding.' },
  { term: 'MTBF', definition: 'Mean time between failures.' },
  {
    term: 'MTD',
    definition: 'Maximum tolerable downtime: the longest disruption the organisation accepts.',
  },
  { term: 'MTTR', definition: 'Mean time to repair.' },
  { term: 'NIST', definition: 'National Institute of Standards and Technology (United States).' },
  { term: 'OEP', definition: 'Occupant emergency plan.' },
  {
    term: 'RACI',
    definition:
      'Responsible (does the work), Accountable (answers for it, one per activity), Consulted, Informed.',
  },
  { term: 'RDS', definition: 'Amazon Relational Database Service: the managed databases of AWS.' },
  {
    term: 'Request-weighted availability',
    definition:
      'The share of requests served well over a year, counting the time traffic takes to move after a failure and the requests refused for lack of capacity.',
    pattern: /\brequest-weighted\b/i,
  },
  {
    term: 'RPO',
    definition:
      'Recovery point objective: the data that may be lost, as a span of time before the disruption.',
  },
  {
    term: 'RTO',
    definition: 'Recovery time objective: how long the system may remain unavailable.',
  },
  { term: 'RTT', definition: 'Round-trip time between two regions.' },
  { term: 'S3', definition: 'Amazon Simple Storage Service: the object storage of AWS.' },
  {
    term: 'SCRAM',
    definition: 'An open-source probabilistic risk analysis engine for fault trees.',
  },
  { term: 'SLA', definition: 'Service level agreement: the availability a provider commits to.' },
  {
    term: 'SOC',
    definition:
      'System and Organization Controls: a SOC 2 report attests a service organisation’s controls, availability among them.',
  },
  { term: 'SP', definition: 'Special Publication (of NIST).', pattern: /\bSP 800-/ },
  {
    term: 'Split-brain',
    definition: 'A partition between sites that each keep serving on their own.',
    pattern: /\bsplit-brain\b/i,
  },
  {
    term: 'SRE',
    definition:
      'Site reliability engineering: the practice, and Google’s book of that name, of running services with engineering methods.',
  },
  { term: 'TT&E', definition: 'Test, training and exercise.', pattern: /TT&E/ },
  { term: 'TTL', definition: 'Time to live: how long clients cache a DNS answer.' },
  { term: 'US', definition: 'United States.' },
  { term: 'VLAN', definition: 'Virtual local area network.' },
  {
    term: 'VMSS',
    definition: 'Virtual machine scale set: a group of identical Azure virtual machines.',
  },
  { term: 'WAN', definition: 'Wide area network.' },
];

/** Units written in capitals, which are not acronyms to define. */
const UNITS: ReadonlySet<string> = new Set(['MB', 'GB', 'TB', 'KB']);

/**
 * A word of two or more capitals, digits and `&` (`ALB`, `EC2`, `TT&E`); not a criterion number
 * such as `CC9.1` (SOC 2).
 */
const ACRONYM = /\b[A-Z][A-Z0-9&]*[A-Z][A-Z0-9&]*\b(?!\.\d)/g;

function patternOf(entry: Entry): RegExp {
  return entry.pattern ?? new RegExp(`\\b${entry.term.replace(/[&]/g, '\\$&')}\\b`);
}

/**
 * The text a reader sees in `blocks`: headings, paragraphs, lists, tables, key–value rows and
 * callouts, one line each; code runs (ids, commands) and figures are left out.
 */
export function readableText(blocks: readonly Block[]): string {
  const runs = (value: Inline) =>
    value
      // A command is not prose; a space keeps the words on either side of it apart.
      .map((r) => (r.code === true ? ' ' : r.text))
      .join('');
  const cell = (value: Cell) => (typeof value === 'string' ? value : runs(value));
  return blocks
    .flatMap((b): string[] => {
      switch (b.kind) {
        case 'heading':
          return [b.text];
        case 'paragraph':
          return [runs(b.runs)];
        case 'list':
          return b.items.map(runs);
        case 'table':
          return [
            b.caption ?? '',
            b.columns.map((c) => c.header).join(' | '),
            ...b.rows.map((r) => r.map(cell).join(' | ')),
          ];
        case 'keyValue':
          return b.rows.map((r) => `${r.key} | ${cell(r.value)}`);
        case 'callout':
          return [`${b.title ?? ''} ${runs(b.runs)}`];
        case 'figure':
        case 'pageBreak':
          return [];
      }
    })
    .join('\n');
}

/** The acronyms used in `text` (capitals-only words other than units), sorted. */
export function acronymsIn(text: string): string[] {
  const found = new Set(text.match(ACRONYM) ?? []);
  return [...found].filter((a) => !UNITS.has(a)).sort();
}

/** Every term and acronym the glossary can define. */
export const GLOSSARY_TERMS: readonly string[] = ENTRIES.map((e) => e.term);

/** The glossary rows for a plan whose text is `text`: the entries it uses, alphabetical. */
export function glossaryRows(text: string): { key: string; value: string }[] {
  return ENTRIES.filter((e) => patternOf(e).test(text)).map((e) => ({
    key: e.term,
    value: e.definition,
  }));
}

/** Appendix: the glossary of the plan made of `blocks` (every block but the glossary's). */
export function glossaryAppendix(blocks: readonly Block[]): Block[] {
  return [
    appendixHeading('glossary'),
    { kind: 'keyValue', rows: glossaryRows(readableText(blocks)) },
  ];
}
