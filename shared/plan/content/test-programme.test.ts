/**
 * Pins the test and maintenance programme: the frequency table marks the exercise of Table 3-6
 * for each level and leaves the rest to the organisation, in bold at the plan's own level; each
 * drill passes on the targets with the model's expected figures beside; the results log and the
 * after-action report are blanks to fill in; the plan is regenerated when the model changes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../../catalog/price-book';
import type { NinesDocument } from '../../model/types';
import { plainText, type Block, type PlanDocument, type TableBlock } from '../document';
import { buildPlan } from './build-plan';
import type { PlanContext } from './context';
import { formatDuration } from '../../text';

const priceBook = priceBookSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
  ),
);

function template(name: string): NinesDocument {
  return JSON.parse(
    readFileSync(new URL(`../../../assets/templates/${name}`, import.meta.url), 'utf8'),
  ) as NinesDocument;
}

function build(doc: NinesDocument): { plan: PlanDocument; context: PlanContext } {
  const result = buildPlan(doc, { priceBook, date: '2026-12-07' });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result;
}

function table(blocks: readonly Block[], caption: string): TableBlock {
  const found = blocks.find((b): b is TableBlock => b.kind === 'table' && b.caption === caption);
  if (!found) throw new Error(`no table ${caption}`);
  return found;
}

describe('exercise frequency by impact level', () => {
  it('Table 3-6’s exercise per level, the rest optional or the organisation’s, the plan’s level in bold', () => {
    const doc = template('pilot-light-2-regions.nines.json');
    const { plan } = build({ ...doc, targets: { ...doc.targets, impact: 'moderate' } });
    const t = table(plan.blocks, 'Exercise frequency by impact level');
    expect(t.rows.map((r) => r.map((c) => plainText(c)))).toEqual([
      ['Tabletop exercise', 'at least yearly ¹', 'optional ²', 'optional ²'],
      [
        'Functional exercise (recovery from backup media)',
        'optional ²',
        'at least yearly ¹',
        'at least yearly ¹',
      ],
      [
        'Full-scale functional exercise (failover to the alternate site)',
        'optional ²',
        'optional ²',
        'at least yearly ¹',
      ],
      [
        'Backup restore test (CP-9(1))',
        'optional ²',
        'organisation’s choice ³',
        'organisation’s choice ³',
      ],
      [
        'Drills of this plan (zone, region, split-brain, traffic shift, restore)',
        'organisation’s choice ³',
        'organisation’s choice ³',
        'organisation’s choice ³',
      ],
    ]);
    // The moderate column is the plan's: bold.
    for (const row of t.rows) {
      const cell = row[2];
      expect(Array.isArray(cell) && cell[0]?.bold === true).toBe(true);
    }
  });
});

describe('drills', () => {
  it('pass on the targets, the model’s figures beside; one per scenario, and a test failover where the product has one', () => {
    const doc = template('single-region-3az.nines.json');
    const { plan, context } = build(doc);
    const rows = table(plan.blocks, 'Drills with their pass criteria and evidence').rows;
    const applying = context.evaluation.scenarios.filter((s) => s.applies);
    expect(rows.map((r) => plainText(r[0] ?? ''))).toEqual([
      ...applying.map((s) => s.name),
      'Failover of ElastiCache for Redis (us-east-1)',
    ]);
    const t = doc.targets ?? {};
    applying.forEach((s, i) => {
      expect(plainText(rows[i]?.[2] ?? '')).toContain(
        `RTO ≤ ${formatDuration(t.rtoSeconds ?? null)} (model ${formatDuration(s.rtoSeconds)}); RPO ≤ ${formatDuration(t.rpoSeconds ?? null)} (model ${formatDuration(s.rpoSeconds)})`,
      );
    });
    expect(plainText(rows.at(-1)?.[1] ?? '')).toContain(
      'aws elasticache test-failover --replication-group-id',
    );
    // One region: the region drill is a tabletop, not a failover to nowhere.
    expect(plainText(rows[1]?.[1] ?? '')).toContain('As a tabletop exercise');
  });
});

describe('results log, after-action report, review', () => {
  it('blank rows with the model’s figures beside the measured ones', () => {
    const { plan, context } = build(template('active-active-3-regions.nines.json'));
    const log = table(plan.blocks, 'Results log');
    const first = context.evaluation.scenarios.find((s) => s.applies);
    const row = log.rows[0] ?? [];
    expect(plainText(row[1] ?? '')).toBe(first?.name);
    for (const i of [0, 2, 5]) {
      const cell = row[i];
      expect(Array.isArray(cell) && cell.every((r) => r.blank === true)).toBe(true);
    }
    expect(plainText(row[3] ?? '')).toBe(
      `measured (model ${formatDuration(first?.rtoSeconds ?? null)})`,
    );
    const report = plan.blocks.find(
      (b) => b.kind === 'keyValue' && b.rows.some((r) => r.key === 'Corrective actions'),
    );
    expect(report).toBeDefined();
    const review = table(plan.blocks, 'Plan review and maintenance');
    expect(plainText(review.rows[0]?.[0] ?? '')).toBe(
      'The model file changes (a component, a figure, a target)',
    );
    expect(plainText(review.rows[0]?.[1] ?? '')).toContain(
      'Regenerate this plan from the changed model',
    );
  });
});
