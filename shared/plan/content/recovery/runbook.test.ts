/**
 * Pins the runbooks of every template: each timed step names a role of the roles table, an
 * action, a budget and a verification; the budgets add up to the achieved RTO, checked against
 * closed forms on the templates' own figures and the documented defaults; failback quotes the
 * steady-state replication lag (half the link's round trip plus the replication delay); designs
 * without Active-Active members carry no Active-Active wording.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../../../catalog/price-book';
import { LINK_DEFAULTS, NODE_DEFAULTS, OPERATIONS_DEFAULTS } from '../../../model/defaults';
import type { NinesDocument } from '../../../model/types';
import { plainText, type Block, type PlanDocument, type TableBlock } from '../../document';
import { buildPlan } from '../build-plan';
import type { PlanContext } from '../context';
import { formatDuration } from '../../../text';
import { runbookSteps, runningTotals } from './runbook-steps';
import { PROVIDER_ACTIONS } from './provider-actions';

const TEMPLATES = new URL('../../../../assets/templates/', import.meta.url);
const priceBook = priceBookSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
  ),
);
const NAMES = readdirSync(TEMPLATES).filter((n) => n.endsWith('.nines.json'));

function template(name: string): NinesDocument {
  return JSON.parse(readFileSync(new URL(name, TEMPLATES), 'utf8')) as NinesDocument;
}

function build(
  doc: NinesDocument,
  variantId?: string,
): { plan: PlanDocument; context: PlanContext } {
  const result = buildPlan(doc, {
    priceBook,
    date: '2026-12-07',
    ...(variantId === undefined ? {} : { variantId }),
  });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result;
}

/** Every plan to check: the first variant of each template and every variant of ha-options. */
const PLANS: { name: string; variant: string }[] = [
  ...NAMES.map((name) => ({ name, variant: 'first variant' })),
  ...template('ha-options.nines.json').variants.map((v) => ({
    name: 'ha-options.nines.json',
    variant: v.id,
  })),
];

/** The roles of the concept of operations: the first column of the table headed "Role". */
function rolesTable(plan: PlanDocument): string[] {
  const table = plan.blocks.find(
    (b): b is TableBlock =>
      b.kind === 'table' &&
      b.columns[0]?.header === 'Role' &&
      /Recovery roles$/.test(b.caption ?? ''),
  );
  if (!table) throw new Error('no roles table');
  return table.rows.map((r) => plainText(r[0] ?? ''));
}

/** The blocks of the chapter headed `title`, up to the next chapter. */
function chapter(plan: PlanDocument, title: string): Block[] {
  const start = plan.blocks.findIndex(
    (b) => b.kind === 'heading' && b.level === 1 && b.text === title,
  );
  const end = plan.blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 1);
  return plan.blocks.slice(start, end < 0 ? undefined : end);
}

/** Every piece of text in some blocks, joined. */
function textOf(blocks: readonly Block[]): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
    else if (typeof value === 'string') out.push(value);
  };
  walk(blocks);
  return out.join(' ');
}

/** The blocks of the runbook of scenario `name`, up to the next runbook or section. */
function runbookBlocks(plan: PlanDocument, name: string): Block[] {
  const start = plan.blocks.findIndex(
    (b) => b.kind === 'heading' && b.level === 2 && b.text === `Runbook: ${name}`,
  );
  if (start < 0) throw new Error(`no runbook ${name}`);
  const end = plan.blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= 2);
  return plan.blocks.slice(start, end);
}

function stepsOf(context: PlanContext, id: string) {
  const s = context.evaluation.scenarios.find((x) => x.id === id);
  const scenario = context.doc.scenarios?.find((x) => x.id === id);
  if (!s || !scenario) throw new Error(`no scenario ${id}`);
  return { s, timeline: runbookSteps(context, s, scenario) };
}

const decision = OPERATIONS_DEFAULTS.decisionSeconds?.value as number;
const detection = OPERATIONS_DEFAULTS.detectionSeconds?.value as number;
const scaleOut = NODE_DEFAULTS.service.scaleOutSeconds?.value as number;
const delayMs = NODE_DEFAULTS.datastore.replicationDelayMs?.value as number;

describe('every runbook step of every template', () => {
  it.each(PLANS)(
    '$name, $variant: a role of the roles table, an action, a budget, a verification, a go/no-go',
    ({ name, variant }) => {
      const { plan, context } = build(
        template(name),
        variant === 'first variant' ? undefined : variant,
      );
      const roles = rolesTable(plan);
      for (const s of context.evaluation.scenarios.filter((x) => x.applies)) {
        const { timeline } = stepsOf(context, s.id);
        const steps = [...timeline.toRto, ...timeline.toFullCapacity];
        expect(steps.length).toBeGreaterThan(0);
        for (const step of steps) {
          expect(roles).toContain(step.role);
          expect(plainText(step.action).trim()).not.toBe('');
          expect(plainText(step.verify).trim()).not.toBe('');
          expect(plainText(step.goNoGo).trim()).not.toBe('');
          expect(['chain', 'parallel']).toContain(step.time.kind);
        }
        // The chain up to the RTO adds up to the engine's achieved RTO.
        const chain = timeline.toRto.filter((x) => x.time.kind === 'chain');
        const total = runningTotals(chain).at(-1);
        if (s.rtoSeconds === null) expect(total).toBeNull();
        else expect(total).toBeCloseTo(s.rtoSeconds, 9);
        // The table's RTO row prints it.
        const table = runbookBlocks(plan, s.name).find(
          (b): b is TableBlock => b.kind === 'table' && b.columns[3]?.header === 'Budget',
        );
        const rtoRow = table?.rows.find((r) => plainText(r[2] ?? '').includes('achieved RTO'));
        expect(plainText(rtoRow?.[4] ?? '')).toBe(
          formatDuration(s.rtoSeconds, { unbounded: 'unknown' }),
        );
      }
    },
  );
});

describe('budgets against closed forms on the templates’ figures', () => {
  it('pilot light, region outage: decision + manual promotion + warm-up + the person’s scale-out', () => {
    const doc = template('pilot-light-2-regions.nines.json');
    const { context } = build(doc);
    const nodes = new Map(doc.variants[0]?.nodes.map((n) => [n.id, n]));
    const primary = nodes.get('redis-use1') as { failoverSeconds: number };
    const standby = nodes.get('redis-euw1') as { warmupSeconds: number };
    const expected = decision + primary.failoverSeconds + standby.warmupSeconds + scaleOut;
    expect(expected).toBe(2700);
    const { timeline } = stepsOf(context, 'region-outage');
    const budgets = timeline.toRto
      .filter((x) => x.time.kind === 'chain')
      .map((x) => x.time.seconds);
    expect(budgets).toEqual([decision, primary.failoverSeconds, standby.warmupSeconds, scaleOut]);
    expect(
      runningTotals(timeline.toRto)
        .filter((t) => t !== null)
        .at(-1),
    ).toBe(expected);
    // Route 53 fails over alongside: 10 s × 3 checks + 60 s TTL.
    const dns = nodes.get('dns') as {
      healthCheckSeconds: number;
      failureThreshold: number;
      dnsTtlSeconds: number;
    };
    const alongside = timeline.toRto.filter((x) => x.time.kind === 'parallel');
    expect(alongside.map((x) => x.time.seconds)).toEqual([
      dns.healthCheckSeconds * dns.failureThreshold + dns.dnsTtlSeconds,
    ]);
  });

  it('warm standby, region outage: DNS failover, then the automatic scale-out; the promotion alongside', () => {
    const doc = template('warm-standby-2-regions.nines.json');
    const { context } = build(doc);
    const { timeline } = stepsOf(context, 'region-outage');
    const chain = timeline.toRto.filter((x) => x.time.kind === 'chain').map((x) => x.time.seconds);
    expect(chain).toEqual([10 * 3, 60, scaleOut]);
    const failover = (
      doc.variants[0]?.nodes.find((n) => n.id === 'redis-use1') as { failoverSeconds: number }
    ).failoverSeconds;
    expect(
      timeline.toRto.filter((x) => x.time.kind === 'parallel').map((x) => x.time.seconds),
    ).toEqual([failover]);
  });

  it('warm standby promoted by a person across regions (the replicates edge says manual): decision + its promotion, the manual procedure', () => {
    const doc = template('warm-standby-2-regions.nines.json');
    const variant = doc.variants[0] as NinesDocument['variants'][number];
    variant.edges = variant.edges.map((e) =>
      e.kind === 'replicates' ? { ...e, failover: 'manual' as const, failoverSeconds: 600 } : e,
    );
    const { context } = build(doc);
    const { timeline } = stepsOf(context, 'region-outage');
    const budgets = timeline.toRto.map((x) => x.time.seconds);
    expect(budgets).toContain(decision);
    expect(budgets).toContain(600);
    const promote = timeline.toRto.find((x) => x.time.seconds === 600);
    expect(plainText(promote?.action ?? [])).toMatch(/^First fence .* Then promote/);
  });

  it('a load-balancer pair in one region, zone outage: its floating address moves (failoverSeconds)', () => {
    const doc = template('single-region-3az.nines.json');
    const variant = doc.variants[0] as NinesDocument['variants'][number];
    variant.nodes = variant.nodes.map((n) =>
      n.id === 'lb-use1' ? { ...n, instances: 2, failoverSeconds: 120 } : n,
    );
    const { context } = build(doc);
    const { s, timeline } = stepsOf(context, 'zone-outage');
    expect(s.rtoSeconds).toBe(120);
    const moved = timeline.toRto.find((x) => x.time.seconds === 120);
    expect(plainText(moved?.action ?? [])).toMatch(/moves its floating address/);
    expect(plainText(moved?.goNoGo ?? [])).toMatch(/move it by hand/);
  });

  it('three regions, corruption: detection + decision + restore (size / throughput) + re-sync (size / bandwidth)', () => {
    const doc = template('active-active-3-regions.nines.json');
    const { context } = build(doc);
    const gib = doc.workload?.dataSetGiB as number;
    // GiB are 2^30 bytes, MB/s and Mbit/s decimal (10^6), as vendors state throughput.
    const restore = (gib * 2 ** 30) / (200 * 1e6);
    const resync = (gib * 2 ** 30 * 8) / (1000 * 1e6);
    const { timeline } = stepsOf(context, 'corruption');
    const total = runningTotals(timeline.toRto)
      .filter((t) => t !== null)
      .at(-1) as number;
    expect(total).toBeCloseTo(detection + decision + restore + resync, 9);
  });
});

describe('failback', () => {
  it('waits for the steady-state lag (half the round trip + the replication delay), not the RPO', () => {
    const doc = template('active-active-3-regions.nines.json');
    const { plan } = build(doc);
    const links = doc.variants[0]?.links ?? [];
    const rtt = (a: string, b: string) =>
      links.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a))?.rttMs ??
      (LINK_DEFAULTS.rttMs?.value as number);
    const lag = (a: string, b: string) => formatDuration((rtt(a, b) / 2 + delayMs) / 1000);
    const failback = textOf(runbookBlocks(plan, 'Region outage (us-east-1)'));
    expect((rtt('euw1', 'use1') / 2 + delayMs) / 1000).toBe(0.0385);
    expect(failback).toContain(
      `(eu-west-1) to Redis Enterprise Active-Active (us-east-1) ${lag('euw1', 'use1')}`,
    );
    expect(failback).toContain(
      `(us-west-2) to Redis Enterprise Active-Active (us-east-1) ${lag('usw2', 'use1')}`,
    );
    expect(failback).not.toMatch(/below the RPO of/);
  });

  it('pilot light: the old primary switches back once its lag is back to the steady state', () => {
    const { plan } = build(template('pilot-light-2-regions.nines.json'));
    const text = textOf(runbookBlocks(plan, 'Region outage (us-east-1)'));
    expect(text).toContain(
      `its replication lag is back to its steady state of ${formatDuration((75 / 2 + delayMs) / 1000)}`,
    );
    // The only peer is down: no claim that replication is back, a warning instead.
    expect(text).toContain('Redis (eu-west-1) has no working replica until');
    expect(text).not.toContain('Replication between the working data-tier members');
  });
});

describe('text that fits the design', () => {
  const AA_WORDS = /Active-Active|conflict counter|CRDT|last write wins/;
  const CHAPTERS = ['Preventive controls', 'Recovery', 'Reconstitution', 'Testing and exercises'];

  it.each([
    'pilot-light-2-regions.nines.json',
    'warm-standby-2-regions.nines.json',
    'single-region-3az.nines.json',
  ])('%s: no Active-Active wording', (name) => {
    const { plan, context } = build(template(name));
    // The advisor's own sentences (its fixes name the Active-Active templates) are not the plan's.
    const engine = context.findings.flatMap((f) => [f.title, f.detail, f.fix]);
    for (const title of CHAPTERS) {
      let text = textOf(chapter(plan, title));
      for (const sentence of engine) text = text.split(sentence).join('');
      expect(text).not.toMatch(AA_WORDS);
    }
  });

  it('Active-Active designs keep it where it belongs', () => {
    const { plan } = build(template('active-active-2-regions.nines.json'));
    expect(textOf(runbookBlocks(plan, 'Split-brain between us-east-1 and eu-west-1'))).toContain(
      'last write wins',
    );
  });

  it('single region: the alternate-site sentence says where the data is replicated and backed up', () => {
    const { plan } = build(template('single-region-3az.nines.json'));
    const text = textOf(chapter(plan, 'Preventive controls'));
    expect(text).not.toContain('not replicated between sites and backed up');
    expect(text).toContain(
      'data is replicated only within its site (between instances and zones), not to another region; it is backed up',
    );
  });
});

describe('provider actions', () => {
  it('every command names the documentation it was checked against', () => {
    for (const product of Object.values(PROVIDER_ACTIONS)) {
      for (const [operation, command] of Object.entries(product ?? {})) {
        if (operation === 'product') continue;
        expect((command as { source: string }).source).toMatch(
          /^https:\/\/(docs\.aws\.amazon\.com|learn\.microsoft\.com|cloud\.google\.com|redis\.io)\//,
        );
      }
    }
  });

  it('the templates’ products: ElastiCache, self-managed Redis, Redis Enterprise, Auto Scaling, Route 53', () => {
    const single = textOf(
      chapter(build(template('single-region-3az.nines.json')).plan, 'Recovery'),
    );
    expect(single).toContain('aws elasticache describe-replication-groups --replication-group-id');
    const pilot = textOf(
      chapter(build(template('pilot-light-2-regions.nines.json')).plan, 'Recovery'),
    );
    expect(pilot).toContain('REPLICAOF NO ONE');
    expect(pilot).toContain('aws autoscaling set-desired-capacity --auto-scaling-group-name');
    expect(pilot).toContain(' --desired-capacity 15');
    expect(pilot).toContain('aws route53 get-health-check-status --health-check-id');
    const aa = textOf(
      chapter(build(template('active-active-3-regions.nines.json')).plan, 'Recovery'),
    );
    expect(aa).toContain('rladmin status shards');
    expect(aa).toContain('crdb-cli crdb remove-instance --crdb-guid');
  });

  it('the same design on Azure and Google Cloud gets their commands', () => {
    const onProvider = (provider: string): string => {
      const doc = template('pilot-light-2-regions.nines.json');
      const variant = doc.variants[0];
      if (!variant) throw new Error('no variant');
      const moved: NinesDocument = {
        ...doc,
        variants: [
          {
            ...variant,
            nodes: variant.nodes.map((n) => (n.kind === 'region' ? { ...n, provider } : n)),
          },
        ],
      };
      return textOf(chapter(build(moved).plan, 'Recovery'));
    };
    const azure = onProvider('azure');
    expect(azure).toContain('az vmss scale --resource-group');
    expect(azure).toContain(' --new-capacity 15');
    expect(azure).toContain('az network traffic-manager endpoint show --name');
    const gcp = onProvider('gcp');
    expect(gcp).toContain('gcloud compute instance-groups managed resize');
    expect(gcp).toContain('--size=15 --region=eu-west-1');
    expect(gcp).toContain('gcloud compute backend-services get-health');
  });
});
