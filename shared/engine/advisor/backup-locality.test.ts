/**
 * The backup-locality rule: raised when every backup of a datastore's data (its own and its
 * replicas') is kept in the datastore's region and the variant has another region; gone once a
 * copy is kept elsewhere. Its fix is a model operation whose effect is `evaluate` of the fixed
 * model: the copy's cost, with availability and every scenario unchanged, since the engine does
 * not model where a restore reads from.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema, type PriceBook } from '../../catalog/price-book';
import { applyFix } from '../../model/ops/fixes';
import type { ModelNode, NinesDocument, Variant } from '../../model/types';
import { parseDocumentText } from '../../schema/parse';
import { evaluate } from '../availability';
import { advise, type Finding } from './index';

const priceBook: PriceBook = priceBookSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
  ),
);
const TEMPLATE_DIR = new URL('../../../assets/templates/', import.meta.url);

function template(name: string): NinesDocument {
  const parsed = parseDocumentText(readFileSync(new URL(name, TEMPLATE_DIR), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.document;
}

function findings(doc: NinesDocument, variantId?: string): Finding[] {
  return advise(doc, variantId, { priceBook }).variants.flatMap((v) => v.findings);
}

function sameRegion(doc: NinesDocument): Finding[] {
  return findings(doc).filter((f) => f.code === 'backup-same-region');
}

/** The pilot light with its only variant changed. */
function pilot(change: (v: Variant) => Partial<Variant>): NinesDocument {
  const doc = template('pilot-light-2-regions.nines.json');
  const v = doc.variants[0] as Variant;
  return { ...doc, variants: [{ ...v, ...change(v) }] };
}

/** Without the eu-west-1 backup: every backup of the us-east-1 data is in us-east-1. */
const withoutEuBackup = (v: Variant): Partial<Variant> => ({
  nodes: v.nodes.filter((n) => n.id !== 'backup-euw1'),
  edges: v.edges.filter((e) => e.from !== 'backup-euw1'),
});

function moveBackup(v: Variant, fields: Partial<ModelNode>): ModelNode[] {
  return v.nodes.map((n) => (n.id === 'backup-use1' ? ({ ...n, ...fields } as ModelNode) : n));
}

describe('backups kept only in the data’s own region', () => {
  it('no template raises it: a replica elsewhere has its own backup, or there is no other region', () => {
    for (const name of readdirSync(TEMPLATE_DIR).filter((n) => n.endsWith('.nines.json'))) {
      const doc = template(name);
      for (const v of doc.variants)
        expect(findings(doc, v.id).filter((f) => f.code === 'backup-same-region')).toEqual([]);
    }
  });

  it('appears when no copy of the data is kept outside its region, with a measured fix', () => {
    const doc = pilot(withoutEuBackup);
    const [f, ...rest] = sameRegion(doc);
    expect(rest).toEqual([]);
    expect(f?.severity).toBe('medium');
    expect(f?.nodeIds).toEqual(['redis-use1', 'backup-use1']);
    expect(f?.fix.op).toEqual({
      kind: 'add-backup',
      datastoreId: 'redis-use1',
      backupId: 'backup-redis-use1-euw1',
      regionId: 'euw1',
      intervalSeconds: 3600,
    });
    expect(f?.fix.label).toBe(
      'Copy the backups of Redis (us-east-1) to Europe (Ireland), eu-west-1, every 1\u00a0h',
    );
    expect(f?.message).toContain('the effect below is the cost of the copy only');
    // The effect is evaluate() of the model before and after the fix, to the last digit.
    const op = f?.fix.op;
    if (!f?.effect || !op) throw new Error('not measured');
    const before = evaluate(doc, 'pilot-light', { priceBook }).variants[0];
    const fixed = applyFix(doc, 'pilot-light', op);
    const after = evaluate(fixed, 'pilot-light', { priceBook }).variants[0];
    expect(f.effect.availabilityBefore).toBe(before?.availability?.requestWeighted);
    expect(f.effect.availabilityAfter).toBe(after?.availability?.requestWeighted);
    expect(f.effect.availabilityAfter).toBe(f.effect.availabilityBefore);
    expect(f.effect.scenarios).toEqual([]);
    expect(f.effect.monthlyCostDelta).toBe(
      (after?.cost?.monthly ?? NaN) - (before?.cost?.monthly ?? NaN),
    );
    // Applied, the copy in eu-west-1 closes it.
    expect(sameRegion(fixed)).toEqual([]);
  });

  it('disappears when the backup is kept in another region, or outside every region', () => {
    expect(
      sameRegion(
        pilot((v) => ({
          ...withoutEuBackup(v),
          nodes: moveBackup({ ...v, ...withoutEuBackup(v) } as Variant, { parent: 'euw1' }),
        })),
      ),
    ).toEqual([]);
    const global = pilot((v) => {
      const without = { ...v, ...withoutEuBackup(v) } as Variant;
      return {
        ...withoutEuBackup(v),
        nodes: without.nodes.map((n) => {
          if (n.id !== 'backup-use1') return n;
          const { parent: _parent, ...rest } = n;
          return rest as ModelNode;
        }),
      };
    });
    expect(sameRegion(global)).toEqual([]);
  });

  it('is not raised in a single-region design: there is nowhere else to keep a copy', () => {
    expect(sameRegion(template('single-region-3az.nines.json'))).toEqual([]);
  });

  it('the no-backup fix keeps its backup in another region when no copy of the data is there', () => {
    // Two regions, an Active-Active data tier, no backup at all.
    const region = (r: string, location: string): ModelNode[] => [
      { id: r, kind: 'region', provider: 'aws', location },
      { id: `lb-${r}`, kind: 'router', parent: r },
      { id: `app-${r}`, kind: 'service', parent: r, instances: 2 },
      { id: `db-${r}`, kind: 'datastore', parent: r, instances: 2, replication: 'active-active' },
    ];
    const doc: NinesDocument = {
      format: 'nines/1',
      name: 'no backups',
      targets: { rpoSeconds: 3600 },
      variants: [
        {
          id: 'v',
          name: 'two regions',
          entry: 'dns',
          nodes: [
            { id: 'dns', kind: 'router' },
            ...region('r1', 'us-east-1'),
            ...region('r2', 'eu-west-1'),
          ],
          edges: [
            ...['r1', 'r2'].flatMap((r) => [
              { from: 'dns', to: `lb-${r}`, kind: 'depends' as const },
              { from: `lb-${r}`, to: `app-${r}`, kind: 'depends' as const },
              { from: `app-${r}`, to: `db-${r}`, kind: 'depends' as const },
            ]),
            { from: 'db-r1', to: 'db-r2', kind: 'replicates' },
          ],
        },
      ],
    };
    const noBackup = findings(doc).filter((f) => f.code === 'no-backup');
    expect(noBackup.map((f) => [f.nodeIds[0], f.fix.op])).toEqual([
      ['db-r1', expect.objectContaining({ kind: 'add-backup', regionId: 'r2' })],
      ['db-r2', expect.objectContaining({ kind: 'add-backup', regionId: 'r1' })],
    ]);
    expect(noBackup[0]?.fix.label).toContain(', in r2');
    // Applied, it raises nothing of this rule: the copy already survives the loss of r1.
    const [first] = noBackup;
    if (!first?.fix.op) throw new Error('not offered');
    expect(sameRegion(applyFix(doc, 'v', first.fix.op))).toEqual([]);
  });
});
