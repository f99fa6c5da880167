import { describe, expect, it } from 'vitest';
import { evaluate, type VariantEvaluation } from '../../../../shared/engine';
import type { NinesDocument, Variant } from '../../../../shared/model/types';
import { BUNDLED_TEMPLATES } from '../../app/templates';
import { CORE_PRICE_BOOK } from '../../store/price-book';
import { cardFigures, costText, downtimeText } from './card-figures';

function template(stem: string): NinesDocument {
  const found = BUNDLED_TEMPLATES.find((t) => t.stem === stem);
  if (!found?.parsed.ok) throw new Error(`no template ${stem}`);
  return found.parsed.document;
}

function evaluated(doc: NinesDocument): { variant: Variant; results: VariantEvaluation } {
  const variant = doc.variants[0] as Variant;
  const results = evaluate(doc, variant.id, { priceBook: CORE_PRICE_BOOK }).variants[0];
  if (!results) throw new Error('no evaluation');
  return { variant, results };
}

const components = (variant: Variant) =>
  variant.nodes.filter((n) => n.kind !== 'region' && n.kind !== 'zone').map((n) => n.id);

describe('per-card figures', () => {
  const { variant, results } = evaluated(template('warm-standby-2-regions'));
  const figures = cardFigures(components(variant), results);

  it("a card's cost is the sum of the engine's breakdown lines of that node", () => {
    let checked = 0;
    for (const id of components(variant)) {
      const lines = results.cost?.breakdown.filter((l) => l.nodeId === id) ?? [];
      const sum = lines.reduce((s, l) => s + l.monthlyUsd, 0);
      expect(figures.get(id)?.cost?.monthlyUsd).toBeCloseTo(sum, 9);
      expect(figures.get(id)?.cost?.lines).toBe(lines.length);
      if (lines.length > 0) checked += 1;
    }
    expect(checked).toBeGreaterThan(4);
    // The cards and the regions' egress lines add up to the panel's total.
    const cards = [...figures.values()].reduce((s, f) => s + (f.cost?.monthlyUsd ?? 0), 0);
    const regions = new Set(variant.nodes.filter((n) => n.kind === 'region').map((n) => n.id));
    const egress = (results.cost?.breakdown ?? [])
      .filter((l) => regions.has(l.nodeId))
      .reduce((s, l) => s + l.monthlyUsd, 0);
    expect(cards + egress).toBeCloseTo(results.cost?.monthly ?? NaN, 6);
  });

  it("a card's downtime is its events' Fussell–Vesely × the structural downtime; exact for one event", () => {
    const dns = results.importance.filter((i) => i.event === 'dns');
    expect(dns).toHaveLength(1);
    const structural = results.availability?.structuralMinutesPerYear ?? NaN;
    const fv = dns[0]?.fussellVesely ?? NaN;
    expect(figures.get('dns')?.downtime).toEqual({
      share: fv,
      minutesPerYear: fv * structural,
      isExact: true,
    });
    const app = results.importance.filter((i) => i.event.split('#')[0] === 'app-use1');
    expect(app.length).toBeGreaterThan(1);
    expect(figures.get('app-use1')?.downtime?.isExact).toBe(false);
    expect(figures.get('app-use1')?.downtime?.share).toBe(
      Math.max(...app.map((i) => i.fussellVesely)),
    );
    expect(downtimeText({ share: 0.45, minutesPerYear: 4.2, isExact: true })).toBe(
      '4.2\u00a0min/yr · 45\u00a0%',
    );
    expect(downtimeText({ share: 0.1, minutesPerYear: 1, isExact: false })).toMatch(/^≥ 1.0/);
  });

  it('an unpriced card says unpriced, never $0; a partly priced one is a lower bound', () => {
    const doc = template('warm-standby-2-regions');
    const base = doc.variants[0] as Variant;
    const unknownType: Variant = {
      ...base,
      nodes: base.nodes.map((n) =>
        n.id === 'app-use1' && n.kind === 'service' ? { ...n, instanceType: 'zz9.unknown' } : n,
      ),
    };
    const edited = evaluated({ ...doc, variants: [unknownType] });
    const app = cardFigures(['app-use1'], edited.results).get('app-use1');
    expect(edited.results.cost?.unpriced.some((u) => u.nodeId === 'app-use1')).toBe(true);
    expect(app?.cost?.unpriced).toBeGreaterThan(0);
    expect(costText(app?.cost ?? { monthlyUsd: 0, lines: 0, unpriced: 0 })).toBe(
      app?.cost?.lines === 0 ? 'unpriced' : `≥ $${Math.round(app?.cost?.monthlyUsd ?? 0)}/mo`,
    );
    expect(costText({ monthlyUsd: 0, lines: 0, unpriced: 2 })).toBe('unpriced');
    expect(costText({ monthlyUsd: 80, lines: 1, unpriced: 1 })).toBe('≥ $80/mo');
    expect(costText({ monthlyUsd: 1234.4, lines: 2, unpriced: 0 })).toBe('$1,234/mo');
  });
});
