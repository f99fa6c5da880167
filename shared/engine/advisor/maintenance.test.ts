/**
 * The planned-maintenance rule (docs/advisor.md): a window that alone stops the service is a
 * finding whose fix rolls it over the instances, measured against closed forms.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyFix } from '../../model/ops/fixes';
import type { Maintenance, ModelNode, NinesDocument } from '../../model/types';
import { parseDocument, parseDocumentText } from '../../schema/parse';
import { dep, singleVariant } from '../../testing/builders';
import { MINUTES_PER_YEAR } from '../availability';
import { advise } from './index';
import { maintenanceCost } from './maintenance';

/** A datastore's random unavailability: MTTR 0.5 h / (MTBF 8,760 h + MTTR). */
const Q = 0.5 / 8760.5;
/** A 4 h window twelve times a year: 48 / 8,760 of the time. */
const QM = 48 / 8760;

/** A service that cannot fail in front of datastore `db` with the given size and window. */
function maintained(
  size: { instances?: number; minHealthy?: number },
  maintenance: Maintenance,
  targets?: NinesDocument['targets'],
): NinesDocument {
  const doc = singleVariant(
    'app',
    [
      { id: 'app', kind: 'service', availability: 1 },
      { id: 'db', kind: 'datastore', mtbfHours: 8760, mttrHours: 0.5, ...size, maintenance },
    ],
    [dep('app', 'db')],
  );
  return targets ? { ...doc, targets } : doc;
}

function finding(doc: NinesDocument) {
  return advise(doc).variants[0]?.findings.find((f) => f.code === 'planned-maintenance-downtime');
}

const relative = (a: number, b: number): number => Math.abs(a / b - 1);

describe('planned-maintenance-downtime', () => {
  it('a lone datastore down for its window: add an instance and roll it, measured', () => {
    const doc = maintained({}, { windowMinutes: 240, perYear: 12 });
    const f = finding(doc);
    if (!f) throw new Error('no finding');
    expect(f.severity).toBe('medium');
    expect(f.nodeIds).toEqual(['db']);
    expect(f.fix.op).toEqual({ kind: 'roll-maintenance', nodeId: 'db', instances: 2 });
    expect(f.fix.label).toBe(
      'Run 2\u00a0instances of db and roll its maintenance one instance at a time',
    );
    // Series of the window and the random failure: U = 1 − (1 − q_m)(1 − q).
    const before = 1 - (1 - QM) * (1 - Q);
    // Fussell–Vesely of the window × U = q_m (1 − q) × 525,600 = 2,879.84 min/yr, of
    // U × 525,600 = (q_m + q − q_m q) × 525,600 = 2,909.83 min/yr: 98.97 %.
    expect(QM * (1 - Q) * MINUTES_PER_YEAR).toBeCloseTo(2879.84, 2);
    expect(before * MINUTES_PER_YEAR).toBeCloseTo(2909.83, 2);
    expect(f.message).toContain(
      'planned downtime of 2,879.8\u00a0min/yr of the 2,909.8\u00a0min/yr of downtime (98.97\u00a0%)',
    );
    expect(f.message).toContain(
      '12\u00a0times a year for 4\u00a0h and each window takes it out whole',
    );
    // Two instances, one needed, the window rolling: up when one of two works and, while a window
    // is under way, both work: A = (1 − q_m)(1 − q²) + q_m (1 − q)².
    const after = 1 - ((1 - QM) * (1 - Q * Q) + QM * (1 - Q) ** 2);
    const e = f.effect;
    if (!e) throw new Error('not measured');
    expect(relative(e.downtimeMinutesBefore, before * MINUTES_PER_YEAR)).toBeLessThan(1e-9);
    expect(relative(e.downtimeMinutesAfter, after * MINUTES_PER_YEAR)).toBeLessThan(1e-9);
    expect(relative(1 - e.availabilityAfter, after)).toBeLessThan(1e-9);
    const fixed = applyFix(doc, 'v', f.fix.op ?? { kind: 'set-async', nodeIds: [] });
    expect(parseDocument(fixed).ok).toBe(true);
    expect(fixed.variants[0]?.nodes[1]).toMatchObject({
      instances: 2,
      maintenance: { windowMinutes: 240, perYear: 12, rolling: true },
    });
    // The fix leaves no maintenance finding behind.
    expect(finding(fixed)).toBeUndefined();
  });

  it('a rolling window with no instance to spare stops the tier: one instance more', () => {
    const doc = maintained(
      { instances: 2, minHealthy: 2 },
      { windowMinutes: 240, perYear: 12, rolling: true },
    );
    const f = finding(doc);
    expect(f?.message).toContain('none can be spared');
    expect(f?.fix.op).toEqual({ kind: 'roll-maintenance', nodeId: 'db', instances: 3 });
    // Three instances, two needed, rolling: a window needs all three:
    // A = (1 − q_m) P(≥ 2 of 3) + q_m (1 − q)³.
    const twoOfThree = (1 - Q) ** 3 + 3 * Q * (1 - Q) ** 2;
    const after = 1 - ((1 - QM) * twoOfThree + QM * (1 - Q) ** 3);
    expect(
      relative(f?.effect?.downtimeMinutesAfter as number, after * MINUTES_PER_YEAR),
    ).toBeLessThan(1e-9);
  });

  it('an instance to spare: only roll the window, at no cost in instances', () => {
    const doc = maintained({ instances: 3, minHealthy: 2 }, { windowMinutes: 240, perYear: 12 });
    const f = finding(doc);
    expect(f?.fix.label).toBe(
      'Roll the maintenance of db one instance at a time (1\u00a0instance can be spared)',
    );
    expect(f?.fix.op).toEqual({ kind: 'roll-maintenance', nodeId: 'db', instances: 3 });
  });

  it('high when the target counts planned downtime and the window alone caps it', () => {
    const counted = finding(
      maintained({}, { windowMinutes: 240, perYear: 12 }, { availability: 0.999 }),
    );
    expect(counted?.severity).toBe('high');
    expect(counted?.message).toContain('counts planned downtime, and this window alone');
    const excluded = finding(
      maintained(
        {},
        { windowMinutes: 240, perYear: 12 },
        { availability: 0.999, excludePlannedDowntime: true },
      ),
    );
    expect(excluded?.severity).toBe('medium');
    expect(excluded?.message).toContain('excludes planned downtime');
  });

  it('no finding for a window that does not alone stop the service', () => {
    expect(
      finding(maintained({ instances: 2 }, { windowMinutes: 240, perYear: 12, rolling: true })),
    ).toBeUndefined();
    const text = readFileSync(
      new URL('../../../assets/templates/active-active-2-regions.nines.json', import.meta.url),
      'utf8',
    );
    const parsed = parseDocumentText(text);
    if (!parsed.ok) throw new Error('aa2 does not parse');
    const doc = parsed.document;
    const variant = doc.variants[0];
    if (!variant) throw new Error('no variant');
    // A whole-node window on one region's Redis: the other region carries the traffic.
    const nodes = variant.nodes.map((n): ModelNode =>
      n.id === 'redis-use1' && n.kind === 'datastore'
        ? { ...n, maintenance: { windowMinutes: 60, perYear: 12 } }
        : n,
    );
    expect(finding({ ...doc, variants: [{ ...variant, nodes }] })).toBeUndefined();
  });
});

describe('maintenanceCost', () => {
  const db = (size: object, maintenance?: Maintenance): ModelNode => ({
    id: 'db',
    kind: 'datastore',
    ...size,
    ...(maintenance ? { maintenance } : {}),
  });
  it('availability unless a rolling window leaves enough instances working', () => {
    const w = { windowMinutes: 60, perYear: 12 };
    expect(maintenanceCost(db({}))).toBeUndefined();
    expect(maintenanceCost(db({ instances: 3 }, w))).toBe('availability');
    expect(maintenanceCost(db({}, { ...w, rolling: true }))).toBe('availability');
    expect(maintenanceCost(db({ instances: 2, minHealthy: 2 }, { ...w, rolling: true }))).toBe(
      'availability',
    );
    expect(maintenanceCost(db({ instances: 2 }, { ...w, rolling: true }))).toBe('capacity');
  });
});
