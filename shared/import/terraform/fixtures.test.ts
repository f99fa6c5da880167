/**
 * Each fixture imports to a design that validates; its evaluation is pinned (request-weighted
 * availability, the RTO of its region outages) with the assumptions it lists. The figures are
 * the engine's for the imported design; the comments say where each comes from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../engine';
import { parseDocument } from '../../schema/parse';
import { importTerraform } from './index';

function imported(name: string) {
  const text = readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
  const result = importTerraform(JSON.parse(text), { withScenarios: true });
  if (!result.ok) throw new Error(result.message);
  expect(parseDocument(result.document).ok).toBe(true);
  const [variant] = evaluate(result.document).variants;
  if (!variant?.availability) throw new Error('not evaluated');
  return {
    ...result,
    text,
    variant,
    availability: variant.availability.requestWeighted,
    rto: (id: string) => variant.scenarios.find((s) => s.id === id)?.rtoSeconds,
    status: (id: string) => variant.scenarios.find((s) => s.id === id)?.status,
    node: (id: string) => result.document.variants[0]?.nodes.find((n) => n.id === id),
    assumed: result.report.assumed.map((a) => `${a.node}.${a.field}=${String(a.value)}`),
    codes: result.report.warnings.map((w) => `${w.code}:${w.node ?? ''}`),
  };
}

/** No value Terraform marks sensitive reaches the design (each fixture plants one). */
function expectNoSecret(design: unknown, text: string): void {
  expect(text).toContain('PLANTED-SECRET');
  expect(JSON.stringify(design)).not.toContain('PLANTED-SECRET');
}

describe('modules: ECS and an Aurora global database behind Global Accelerator (AWS provider 6 regions)', () => {
  const m = imported('modules-aurora-global-state.json');

  it('walks every module level and names nodes by their module', () => {
    expect(m.node('ecs-api-use1')).toMatchObject({ instances: 4, minHealthy: 1, parent: 'use1' });
    expect(m.node('db-orders-use1')).toMatchObject({
      instances: 2,
      role: 'primary',
      replication: 'active-passive',
    });
    expect(m.node('db-orders-usw2')).toMatchObject({ instances: 1, role: 'standby' });
    expect(m.document.variants[0]?.edges.filter((e) => e.kind === 'replicates')).toEqual([
      {
        from: 'db-orders-use1',
        to: 'db-orders-usw2',
        kind: 'replicates',
        failover: 'manual',
        failoverSeconds: 900,
      },
    ]);
    // Subnets of module.use1.module.vpc give us-east-1 its three zones.
    expect(m.document.variants[0]?.nodes.filter((n) => n.kind === 'zone')).toHaveLength(6);
    expect(m.node('ecs-api-use1')?.notes).toContain('tf: module.use1.aws_ecs_service.api');
    expect(m.document.variants[0]?.trafficShare).toEqual({ use1: 0.5, usw2: 0.5 });
  });

  it('lists its assumptions and warnings', () => {
    expect(m.assumed).toEqual([
      'ecs-api-use1.minHealthy=1',
      'ecs-api-usw2.minHealthy=1',
      'db-orders-use1.sync=true',
      'db-orders-usw2.replicates.failover=manual',
      'db-orders-usw2.replicates.failoverSeconds=900',
    ]);
    expect(m.codes).toEqual([
      'manual-region-promotion:db-orders-usw2',
      'partial-az-spread:ecs-api-use1',
      'partial-az-spread:ecs-api-usw2',
      'partial-az-spread:db-orders-use1',
    ]);
    expectNoSecret(m.document, m.text);
  });

  it('evaluates: 99.97534 %, a region outage recovered when a person has promoted us-west-2', () => {
    // The writer's tier fails 2.5 times a year (its instances sit in part of the zones), and each
    // time a person decides (900 s) and promotes us-west-2 (900 s): 75.0 min/yr of the 129.6.
    const failover = m.variant.transitions.find((t) => t.kind === 'failover');
    expect(failover?.seconds).toBe(1800);
    expect((failover?.unavailability ?? 0) * 525600).toBeCloseTo(75.0, 1);
    expect(m.availability).toBeCloseTo(0.9997534, 7);
    // Before the promotion was written on the edge, the RTO was the detection at lb-api-use1
    // (15 s × 3 = 45 s), as if Aurora promoted the secondary region by itself.
    expect(m.rto('region-outage-use1')).toBe(1800);
    expect(m.status('region-outage-use1')).toBe('full');
    expect(m.rto('region-outage-usw2')).toBe(45);
  });
});

describe('a DynamoDB global table in three regions', () => {
  const d = imported('dynamodb-three-regions-state.json');

  it('makes one active-active datastore per region, joined by replicates edges, and a PITR backup', () => {
    const edges = d.document.variants[0]?.edges ?? [];
    expect(edges.filter((e) => e.kind === 'replicates').map((e) => e.to)).toEqual([
      'ddb-sessions-us-west-2',
      'ddb-sessions-eu-west-1',
    ]);
    expect(d.node('ddb-sessions-eu-west-1')).toMatchObject({
      replication: 'active-active',
      sync: false,
      parent: 'euw1',
    });
    expect(edges.filter((e) => e.kind === 'backs-up').map((e) => e.to)).toEqual([
      'ddb-sessions-us-east-1',
      'ddb-sessions-us-west-2',
    ]);
    expect(d.assumed).toEqual([
      'ddb-sessions-us-east-1.instances=3',
      'ddb-sessions-us-west-2.instances=3',
      'ddb-sessions-eu-west-1.instances=3',
    ]);
    expect(d.codes).toEqual(['entry-chosen:ddb-sessions-us-east-1']);
  });

  it('evaluates with the first table as the entry (nothing in the input consumes it)', () => {
    // 1 − region unavailability: 4 h / (17,520 h + 4 h) = 99.97717 %; its region outage waits
    // for the region (4 h), the other regions' outages do not touch it.
    expect(d.availability).toBeCloseTo(17520 / 17524, 7);
    expect(d.rto('region-outage-use1')).toBe(4 * 3600);
    expect(d.rto('region-outage-euw1')).toBe(0);
  });
});

describe('RDS Multi-AZ in one region behind an ALB and an Auto Scaling group', () => {
  const r = imported('rds-multi-az-state.json');

  it('maps Multi-AZ to a synchronous primary and standby, and its automated backups', () => {
    expect(r.node('db-shop')).toMatchObject({
      instances: 2,
      replication: 'primary-replica',
      sync: true,
      failoverSeconds: 120,
      parent: 'euc1',
    });
    expect(r.assumed).toEqual([
      'asg-shop.minHealthy=2',
      'db-shop.sync=true',
      'db-shop.failoverSeconds=120',
      'lb-shop.failureThreshold=3',
    ]);
    expect(r.report.inferred.map((e) => `${e.from}>${e.to}`)).toEqual(['asg-shop>db-shop']);
    expectNoSecret(r.document, r.text);
  });

  it('evaluates: a zone outage costs the 120 s failover, a region outage waits for the region', () => {
    expect(r.availability).toBeCloseTo(0.9996605, 7);
    expect(r.rto('zone-outage-euc1-a')).toBe(120);
    expect(r.status('region-outage-euc1')).toBe('down');
    expect(r.rto('region-outage-euc1')).toBe(4 * 3600);
  });
});

describe('Azure: Traffic Manager (Priority) over two regions, scale sets, Redis Enterprise geo-replication', () => {
  const a = imported('azure-traffic-manager-state.json');

  it('follows endpoints through public IPs to the load balancers and their scale sets', () => {
    const depends = (a.document.variants[0]?.edges ?? []).filter((e) => e.kind === 'depends');
    expect(depends.map((e) => `${e.from}>${e.to}`)).toEqual([
      'lb-weu>vmss-weu',
      'lb-neu>vmss-neu',
      'tm-shop>lb-weu',
      'tm-shop>lb-neu',
    ]);
    expect(a.document.variants[0]?.trafficShare).toEqual({ westeurope: 1, northeurope: 0 });
    expect(a.node('tm-shop')).toMatchObject({
      dnsTtlSeconds: 30,
      healthCheckSeconds: 10,
      failureThreshold: 2,
    });
    expect(a.node('redis-weu')).toMatchObject({ replication: 'active-active' });
    // No network rule ties the scale sets to the caches: they are listed, not guessed.
    expect(a.report.unconnected).toEqual(['redis-weu', 'redis-neu']);
    expect(a.assumed).toEqual([
      'vmss-weu.minHealthy=1',
      'vmss-neu.minHealthy=1',
      'redis-weu.instances=2',
      'redis-neu.instances=2',
    ]);
    expectNoSecret(a.document, a.text);
  });

  it('evaluates: a West Europe outage is recovered in 50 s (10 s × 2 probes + 30 s TTL)', () => {
    expect(a.availability).toBeCloseTo(0.9998989, 7);
    expect(a.rto('region-outage-westeurope')).toBe(50);
    expect(a.rto('region-outage-northeurope')).toBe(0);
  });
});

describe('GCP: a regional managed instance group and Memorystore Standard HA', () => {
  const g = imported('gcp-mig-memorystore-state.json');

  it('spreads the group over its zones and the cache over its two', () => {
    expect(g.node('mig-web')).toMatchObject({
      instances: 4,
      parent: 'us-central1',
      instanceType: 'e2-standard-4',
    });
    expect(g.node('redis-cache')).toMatchObject({
      instances: 2,
      replication: 'primary-replica',
      autoFailover: true,
      memoryGiB: 5,
    });
    expect(g.codes).toEqual(['partial-az-spread:redis-cache']);
    expect(g.report.unconnected).toEqual(['redis-cache']);
    expectNoSecret(g.document, g.text);
  });

  it('evaluates: one region, so the region outage waits for the region', () => {
    expect(g.availability).toBeCloseTo(17520 / 17524, 7);
    expect(g.rto('region-outage-us-central1')).toBe(4 * 3600);
  });
});
