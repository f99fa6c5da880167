/**
 * Pins the CP-9 backups section: whether a copy survives the loss of its data's region follows
 * the model (the backup's region against the datastore's), and the retention check is the closed
 * form retention ≥ interval + detection + decision.
 */
import { describe, expect, it } from 'vitest';
import { NODE_DEFAULTS, OPERATIONS_DEFAULTS } from '../../model/defaults';
import type { ModelNode, NinesDocument, Variant } from '../../model/types';
import { plainText, type Block, type PlanDocument, type TableBlock } from '../document';
import { bundledTemplate, planOf } from '../../testing/template-plan';
import { formatDuration } from '../../text';

function table(p: PlanDocument, caption: string): TableBlock {
  const found = p.blocks.find((b): b is TableBlock => b.kind === 'table' && b.caption === caption);
  if (!found) throw new Error(`no table ${caption}`);
  return found;
}

function paragraphs(p: PlanDocument): string[] {
  return p.blocks
    .filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph')
    .map((b) => plainText(b.runs));
}

/** `doc` with backup-use1 placed under `parent` (or in no region). */
function moved(doc: NinesDocument, parent: string | undefined): NinesDocument {
  const v = doc.variants[0] as Variant;
  const nodes = v.nodes.map((n): ModelNode => {
    if (n.id !== 'backup-use1') return n;
    const { parent: _old, ...rest } = n;
    return (parent === undefined ? rest : { ...rest, parent }) as ModelNode;
  });
  return { ...doc, variants: [{ ...v, nodes }] };
}

describe('where each backup is kept', () => {
  it('a backup in its data’s region does not survive that region; said per datastore', () => {
    const p = planOf(bundledTemplate('single-region-3az.nines.json'));
    const rows = table(p, 'Where each backup is kept').rows.map((r) => r.map((c) => plainText(c)));
    expect(rows).toEqual([
      [
        'Hourly snapshot to S3 (us-east-1)',
        'ElastiCache for Redis (us-east-1)',
        'US East (N. Virginia), us-east-1',
        `every 1\u00a0h, kept 7\u00a0days`,
        'no: kept in US East (N. Virginia), us-east-1 with the data',
      ],
    ]);
    expect(paragraphs(p)).toContain(
      'Every backup of ElastiCache for Redis (us-east-1) is kept in US East (N. Virginia), us-east-1, its own region: a loss of US East (N. Virginia), us-east-1 takes the data and its backups together. The model has no other region to keep a copy in.',
    );
  });

  it('follows the model: moved to another region it survives; in no region it is a blank', () => {
    const doc = bundledTemplate('pilot-light-2-regions.nines.json');
    const survives = (d: NinesDocument) =>
      table(planOf(d), 'Where each backup is kept').rows.map((r) => plainText(r[4] ?? ''));
    expect(survives(doc)).toEqual([
      'no: kept in US East (N. Virginia), us-east-1 with the data',
      'no: kept in Europe (Ireland), eu-west-1 with the data',
    ]);
    expect(survives(moved(doc, 'euw1'))[0]).toBe(
      'yes: kept outside US East (N. Virginia), us-east-1',
    );
    const unplaced = table(planOf(moved(doc, undefined)), 'Where each backup is kept').rows[0]?.[4];
    expect(Array.isArray(unplaced) && unplaced.some((r) => r.blank === true)).toBe(true);
    // Its replica's backup in the other region keeps a copy of the same data.
    expect(paragraphs(planOf(doc))).toContain(
      'Every backup of Redis (us-east-1) is kept in US East (N. Virginia), us-east-1, its own region: a loss of US East (N. Virginia), us-east-1 takes the data and its backups together. A copy of the same data survives elsewhere: Hourly snapshot to S3 (eu-west-1) backs up its replica Redis (eu-west-1).',
    );
    expect(paragraphs(planOf(moved(doc, 'euw1')))).toContain(
      'Redis (us-east-1) has a backup kept outside its own region.',
    );
  });
});

describe('retention against a corruption noticed late', () => {
  it('retention ≥ interval + detection + decision, with the latest a corruption can be noticed', () => {
    const doc = bundledTemplate('pilot-light-2-regions.nines.json');
    const backup = doc.variants[0]?.nodes.find((n) => n.id === 'backup-use1') as {
      intervalSeconds: number;
      retentionDays: number;
    };
    const detection = OPERATIONS_DEFAULTS.detectionSeconds?.value as number;
    const decision = OPERATIONS_DEFAULTS.decisionSeconds?.value as number;
    const needed = backup.intervalSeconds + detection + decision;
    const latest = backup.retentionDays * 86_400 - backup.intervalSeconds - decision;
    expect([needed, latest]).toEqual([6300, 600_300]);
    const row = table(planOf(doc), 'Retention against a corruption noticed late').rows[0]?.map(
      (c) => plainText(c),
    );
    expect(row).toEqual([
      'Hourly snapshot to S3 (us-east-1)',
      formatDuration(needed),
      `${backup.retentionDays}\u00a0days`,
      `yes, noticed up to ${formatDuration(latest)} late`,
    ]);
  });

  it('a retention shorter than the oldest copy needed is a no', () => {
    const doc = bundledTemplate('single-region-3az.nines.json');
    const v = doc.variants[0] as Variant;
    // One day between backups, kept one day: the last clean copy is gone before it is needed.
    const nodes = v.nodes.map((n) =>
      n.id === 'backup-use1'
        ? ({ ...n, intervalSeconds: 86_400, retentionDays: 1 } as ModelNode)
        : n,
    );
    const p = planOf({ ...doc, variants: [{ ...v, nodes }] });
    const row = table(p, 'Retention against a corruption noticed late').rows[0];
    expect(plainText(row?.[3] ?? '')).toBe('no');
    expect(NODE_DEFAULTS.backup.retentionDays?.value).toBe(7);
  });
});

describe('what the model cannot know', () => {
  it('encryption, immutability and restore tests are blanks, one row per backup', () => {
    const p = planOf(bundledTemplate('active-active-3-regions.nines.json'));
    const rows = table(p, 'Protection and restore tests of the backups').rows;
    expect(rows).toHaveLength(3);
    for (const row of rows)
      for (const cell of row.slice(1))
        expect(Array.isArray(cell) && cell.every((r) => r.blank === true)).toBe(true);
  });
});
