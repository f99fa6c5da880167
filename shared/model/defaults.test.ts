import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  LINK_DEFAULTS,
  MAINTENANCE_DEFAULTS,
  MANUAL_FAILOVER_SECONDS,
  NODE_DEFAULTS,
  OPERATIONS_DEFAULTS,
  TARGET_DEFAULTS,
  nodeDefault,
} from './defaults';
import { linkFailureFigure, nodeFailureFigure } from './nodes';

const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');

describe('documented defaults', () => {
  const rows = [
    ...Object.entries(NODE_DEFAULTS).flatMap(([kind, table]) =>
      Object.entries(table).map(([field, d]) => [kind, field, d] as const),
    ),
    ...Object.entries(LINK_DEFAULTS).map(([field, d]) => ['link', field, d] as const),
    ...Object.entries(TARGET_DEFAULTS).map(([field, d]) => ['targets', field, d] as const),
    ...Object.entries(OPERATIONS_DEFAULTS).map(([field, d]) => ['operations', field, d] as const),
    ...Object.entries(MAINTENANCE_DEFAULTS).map(([field, d]) => ['maintenance', field, d] as const),
  ];

  it.each(rows)('%s.%s is in docs/model.md with its value and source', (kind, field, d) => {
    expect(doc).toContain(`| ${kind} | ${field} | ${d.value} | ${d.source} |`);
    expect(d.source.length).toBeGreaterThan(10);
  });

  it('a manual failover has its own failoverSeconds default, in docs/model.md', () => {
    const d = MANUAL_FAILOVER_SECONDS;
    expect(doc).toContain(
      `| datastore | failoverSeconds (autoFailover false) | ${d.value} | ${d.source} |`,
    );
    const manual = { id: 'db', kind: 'datastore', autoFailover: false } as const;
    expect(nodeDefault('datastore', 'failoverSeconds', manual)).toBe(d);
    expect(nodeDefault('datastore', 'failoverSeconds', { ...manual, autoFailover: true })).toBe(
      NODE_DEFAULTS.datastore.failoverSeconds,
    );
    expect(nodeDefault('datastore', 'failoverSeconds')).toBe(
      NODE_DEFAULTS.datastore.failoverSeconds,
    );
  });
});

describe('failure figures', () => {
  it('A = MTBF / (MTBF + MTTR) with the kind defaults (REF-16: 1000 h / 1 h → 0.999000999)', () => {
    expect(
      nodeFailureFigure({ id: 's', kind: 'service', mtbfHours: 1000, mttrHours: 1 }).availability,
    ).toBeCloseTo(1000 / 1001, 15);
    expect(nodeFailureFigure({ id: 'r', kind: 'region' })).toEqual({
      availability: 17520 / 17524,
      mtbfHours: 17520,
      mttrHours: 4,
    });
  });

  it('a given availability wins, and kinds known by SLA keep their availability', () => {
    expect(nodeFailureFigure({ id: 'x', kind: 'external', availability: 0.95 })).toEqual({
      availability: 0.95,
    });
    expect(nodeFailureFigure({ id: 'lb', kind: 'router' })).toEqual({ availability: 0.9999 });
  });

  it('a link without an entry uses the link defaults', () => {
    expect(linkFailureFigure(undefined)).toEqual({
      availability: 4380 / 4381,
      mtbfHours: 4380,
      mttrHours: 1,
    });
  });
});
