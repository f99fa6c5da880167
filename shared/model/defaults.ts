/**
 * Documented defaults: the value a field takes when a file leaves it out, each with its source
 * or the assumption behind it. This table is the single source; docs/model.md reproduces it and
 * a test keeps the two in step, and the inspector shows `source` on hover.
 */
import type { ModelNode, NodeKind } from './types';

/** One default value with where it comes from. */
export interface DefaultValue {
  /** The value, in the unit the field's name gives. */
  readonly value: number | boolean | string;
  /** A published source, or "Assumption:" and the reasoning. */
  readonly source: string;
}

type DefaultTable = Readonly<Record<string, DefaultValue>>;

const REGION_ASSUMPTION =
  'Assumption: one region-wide outage every two years lasting about four hours, in line with ' +
  'the largest public post-incident reports (AWS us-east-1 2017-02-28 S3 event ~4 h, ' +
  '2021-12-07 ~7 h).';
const ZONE_ASSUMPTION =
  'Assumption: one zone-level impairment a year with a two-hour recovery; providers publish no ' +
  'zone MTBF, and their SLAs (e.g. 99.99 % for multi-zone EC2) are met by multi-zone designs.';

const SCALE_OUT: DefaultTable = {
  autoscaling: {
    value: true,
    source:
      'Assumption: a tier that states `maxInstances` grows to it by itself (an auto-scaling ' +
      'group or orchestrator); set false when a person must scale it out. Without ' +
      '`maxInstances` a tier does not grow.',
  },
  scaleOutSeconds: {
    value: 300,
    source:
      'Amazon EC2 Auto Scaling: default cooldown of 300 s between scaling activities; Amazon ECS ' +
      'managed scaling: default instance warm-up period of 300 s.',
  },
};

/** The beta factor of a tier: none unless stated. */
const BETA: DefaultTable = {
  betaFactor: {
    value: 0,
    source:
      'Assumption: no common-cause share unless stated. IEC 61508-6 Annex D puts β between 0.01 ' +
      'and 0.1 for redundant channels (0.05–0.1 where they share a design and a maintenance ' +
      'team), and NUREG/CR-5485 gives generic values of the same order; instances deployed from ' +
      'one image by one pipeline at once sit at the top of that range.',
  },
};

/** Defaults per node kind (fields not listed have no default: absent means not modelled). */
export const NODE_DEFAULTS: Readonly<Record<NodeKind, DefaultTable>> = {
  region: {
    mtbfHours: { value: 17520, source: REGION_ASSUMPTION },
    mttrHours: { value: 4, source: REGION_ASSUMPTION },
  },
  zone: {
    mtbfHours: { value: 8760, source: ZONE_ASSUMPTION },
    mttrHours: { value: 2, source: ZONE_ASSUMPTION },
  },
  router: {
    availability: {
      value: 0.9999,
      source:
        'AWS Elastic Load Balancing SLA and Azure Traffic Manager SLA: 99.99 % monthly uptime.',
    },
    minTargets: {
      value: 1,
      source: 'Assumption: any one healthy target can serve.',
    },
    healthCheckSeconds: {
      value: 10,
      source: 'Amazon Route 53 health checks: 10 s (fast) or 30 s (standard) request interval.',
    },
    failureThreshold: {
      value: 3,
      source: 'Amazon Route 53 health checks: default failure threshold of 3.',
    },
    dnsTtlSeconds: {
      value: 0,
      source:
        'Assumption: a load balancer (not DNS); set the record TTL for a DNS-based router ' +
        '(Azure Traffic Manager default 60 s).',
    },
    capacityAware: {
      value: false,
      source: 'Assumption: capacity is not checked unless asked.',
    },
    instances: {
      value: 1,
      source:
        'nines/1: a router is one managed service (a regional load balancer spans its ' +
        "region's zones) unless it says it runs as instances of its own.",
    },
    minHealthy: {
      value: 1,
      source: 'Assumption: one instance holding the floating address carries the traffic.',
    },
    failoverSeconds: {
      value: 3,
      source:
        'RFC 5798 (VRRP v3) §6.1: a backup takes over after Master_Down_Interval = 3 × ' +
        'Advertisement_Interval + Skew_Time, with a default interval of 1 s (keepalived ' +
        'advert_int 1): about 3 s. Moving a cloud elastic or secondary IP through the ' +
        "provider's API takes longer: set it from your own drills.",
    },
  },
  service: {
    instances: {
      value: 1,
      source: 'nines/1: a node is one instance unless it says more.',
    },
    minHealthy: {
      value: 1,
      source: 'nines/1: one working instance is enough unless it says more.',
    },
    mtbfHours: {
      value: 4000,
      source:
        'Assumption: a VM or container instance fails about twice a year (hardware, host ' +
        'retirement, deploy faults).',
    },
    mttrHours: {
      value: 0.25,
      source:
        'Assumption: an auto-scaling group or orchestrator replaces an instance in ~15 minutes.',
    },
    ...SCALE_OUT,
    ...BETA,
  },
  datastore: {
    instances: {
      value: 1,
      source: 'nines/1: a node is one instance unless it says more.',
    },
    minHealthy: {
      value: 1,
      source: 'nines/1: one working instance is enough unless it says more.',
    },
    mtbfHours: {
      value: 8760,
      source: 'Assumption: one failure of a database or cache node a year.',
    },
    mttrHours: {
      value: 0.5,
      source: 'Assumption: a managed service replaces a failed node in ~30 minutes.',
    },
    replication: {
      value: 'none',
      source: 'nines/1: no replication unless stated.',
    },
    sync: {
      value: false,
      source: 'nines/1: replication is asynchronous unless stated.',
    },
    autoFailover: {
      value: true,
      source:
        'Assumption: managed datastores (ElastiCache, Redis Enterprise, RDS) fail over automatically.',
    },
    failoverSeconds: {
      value: 30,
      source:
        'Assumption: Redis Enterprise and ElastiCache promote a replica in seconds to tens of ' +
        'seconds; RDS Multi-AZ documents 60–120 s.',
    },
    witness: {
      value: false,
      source: 'nines/1: no third-site quorum unless stated.',
    },
    persistence: {
      value: 'none',
      source: 'nines/1: no persistence unless stated.',
    },
    snapshotIntervalSeconds: {
      value: 3600,
      source: 'Assumption: hourly RDB snapshots when `persistence` is `snapshot`.',
    },
    replicationDelayMs: {
      value: 1,
      source: 'Assumption: in-memory replication adds about a millisecond to the network latency.',
    },
    warmupSeconds: {
      value: 0,
      source: 'Assumption: no warm-up unless stated.',
    },
    conflictResolution: {
      value: 'last-write-wins',
      source:
        'Redis Enterprise Active-Active (CRDB): strings resolve concurrent writes by last write ' +
        'wins; counters, sets and sorted sets merge as CRDTs. Set `crdt` when the data uses only ' +
        'merging types.',
    },
    ...SCALE_OUT,
    ...BETA,
  },
  queue: {
    instances: {
      value: 1,
      source: 'nines/1: a node is one instance unless it says more.',
    },
    minHealthy: {
      value: 1,
      source: 'nines/1: one working instance is enough unless it says more.',
    },
    availability: {
      value: 0.9999,
      source: 'Amazon SQS SLA: 99.9 %; Assumption: 99.99 % for a replicated broker cluster.',
    },
    ...SCALE_OUT,
    ...BETA,
  },
  objectStore: {
    availability: {
      value: 0.9999,
      source: 'Amazon S3 Standard: designed for 99.99 % availability (SLA 99.9 %).',
    },
  },
  backup: {
    availability: {
      value: 0.999,
      source: 'Assumption: backup storage is rarely the cause of an outage; 99.9 %.',
    },
    intervalSeconds: {
      value: 86400,
      source: 'Assumption: daily backups, the usual managed-service default.',
    },
    retentionDays: {
      value: 7,
      source: 'Amazon RDS and ElastiCache: default automated backup retention of 1–7 days.',
    },
    restoreThroughputMBps: {
      value: 100,
      source: 'Assumption: 100 MB/s sustained restore (REF-25: AWS Snowball table uses 100 MB/s).',
    },
  },
  external: {
    availability: {
      value: 0.999,
      source: 'Assumption: a typical third-party SaaS SLA of 99.9 %.',
    },
  },
};

/** Defaults of the network between two regions. */
export const LINK_DEFAULTS: DefaultTable = {
  mtbfHours: {
    value: 4380,
    source: 'Assumption: an inter-region network partition twice a year.',
  },
  mttrHours: {
    value: 1,
    source: 'Assumption: inter-region routing recovers within an hour.',
  },
  rttMs: {
    value: 75,
    source:
      'Assumption: a transatlantic round trip (e.g. us-east-1 ↔ eu-west-1 is about 70–80 ms).',
  },
  bandwidthMbps: {
    value: 1000,
    source: 'Assumption: 1 Gbit/s available to replication between two regions.',
  },
};

/** Defaults of `targets` that change a verdict when absent. */
export const TARGET_DEFAULTS: DefaultTable = {
  minServedShare: {
    value: 1,
    source:
      'nines/1: a scenario counts as recovered when every request is served again; a partial ' +
      'service is not a recovered service (set e.g. 0.9 when 90 % is acceptable).',
  },
  excludePlannedDowntime: {
    value: false,
    source:
      'Assumption: the target counts planned maintenance, since users feel it; set true when ' +
      'the target is an SLA that excludes announced windows (e.g. Amazon RDS and ElastiCache ' +
      'SLAs exclude scheduled maintenance). Both figures are always reported.',
  },
};

/** Defaults of a tier's `maintenance` windows. */
export const MAINTENANCE_DEFAULTS: DefaultTable = {
  rolling: {
    value: false,
    source:
      'Assumption: a window takes the whole node out unless it says it rolls one instance at a ' +
      'time, as a single-node managed datastore is down for its weekly maintenance window ' +
      '(Amazon RDS Single-AZ, ElastiCache without replicas).',
  },
};

/** Defaults of the document's `operations`: the time people take. */
export const OPERATIONS_DEFAULTS: DefaultTable = {
  detectionSeconds: {
    value: 1800,
    source:
      'Assumption: a logical corruption is noticed through error alerts, failed reads or ' +
      'data-validation checks within 30 minutes; no published figure covers every system, so ' +
      'set it from your own incidents (first bad write to first page).',
  },
  decisionSeconds: {
    value: 900,
    source:
      'Google SRE book, ch. 11 "Being On-Call": 5-minute response time for user-facing ' +
      'services; Assumption: 10 more minutes to assess, declare and choose the recovery action.',
  },
};

/**
 * `failoverSeconds` of a datastore whose failover is manual (`autoFailover: false`): the time a
 * person needs to promote the standby once decided (the decision is `operations.decisionSeconds`). The kind's own default (30 s) is the figure of
 * an automatic failover.
 */
export const MANUAL_FAILOVER_SECONDS: DefaultValue = {
  value: 900,
  source:
    'Assumption: once a person has decided (`operations.decisionSeconds`, counted apart), ' +
    'promoting the standby from the runbook takes about 15 minutes; with the decision that is ' +
    'about 30 minutes, and the AWS whitepaper "Disaster Recovery of Workloads on AWS" puts ' +
    'pilot-light recovery in tens of minutes.',
};

/**
 * Looks up the default of `field` for a node of `kind`, or undefined when none applies. Given the
 * node, a default that depends on its other fields applies: `failoverSeconds` of a datastore with
 * `autoFailover: false` is `MANUAL_FAILOVER_SECONDS`.
 */
export function nodeDefault(
  kind: NodeKind,
  field: string,
  node?: ModelNode,
): DefaultValue | undefined {
  if (field === 'failoverSeconds' && node?.kind === 'datastore' && node.autoFailover === false) {
    return MANUAL_FAILOVER_SECONDS;
  }
  return NODE_DEFAULTS[kind][field];
}

/**
 * The figures a new common-cause event starts with, and the bundled templates' "global deploy or
 * configuration change": no default applies to a cause (its `mtbfHours` and `mttrHours` are
 * required), so these are an assumption for the user to replace with their own change history.
 */
export const GLOBAL_CHANGE_CAUSE: Readonly<{
  name: string;
  mtbfHours: DefaultValue;
  mttrHours: DefaultValue;
}> = (() => {
  const source =
    'Assumption (set it from your own change history): one bad change every two years reaches ' +
    'every region before it is stopped, and is rolled back in 30 minutes. Basis: Google SRE ' +
    'book, ch. 1 "Introduction": roughly 70 % of outages are due to changes in a live system. ' +
    'Staged rollouts, one region at a time, make it rarer.';
  return {
    name: 'Global deploy or configuration change',
    mtbfHours: { value: 17520, source },
    mttrHours: { value: 0.5, source },
  };
})();
