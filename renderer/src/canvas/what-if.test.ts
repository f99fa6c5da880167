import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../../shared/engine';
import { parseDocumentText } from '../../../shared/schema/parse';
import { createPlannerStore } from '../store/create-store';
import { toFlow, trafficLabel } from './to-flow';
import { keptScenario, WHAT_IF_ID, whatIfChoicesForEdge, whatIfChoicesForNode } from './what-if';
import aa2 from '../../../assets/templates/active-active-2-regions.nines.json?raw';

const parsed = parseDocumentText(aa2);
if (!parsed.ok) throw new Error('the two-region template does not parse');
const doc = parsed.document;
const variant = doc.variants[0];
if (!variant) throw new Error('no variant');

const labels = (nodeId: string) =>
  whatIfChoicesForNode(doc, variant, nodeId).map((c) => [c.label, c.scenario]);

describe('what-if choices', () => {
  it('a tier a common cause affects offers that cause, and the engine runs it: down for its MTTR', () => {
    const choices = whatIfChoicesForNode(doc, variant, 'app-use1');
    const cause = choices.find((c) => c.stem === 'common-cause');
    expect(cause?.label).toBe('Common cause: Global deploy or configuration change');
    expect(cause?.scenario.commonCause).toEqual(['global-deploy']);
    const result = evaluateScenario(doc, variant.id, cause?.scenario ?? { id: 'x', name: 'x' });
    expect(result?.status).toBe('down');
    expect(result?.rtoSeconds).toBe(1800);
    // A node no cause affects offers none.
    const store = whatIfChoicesForNode(doc, variant, 'redis-use1');
    expect(store.some((c) => c.stem === 'common-cause')).toBe(false);
  });

  it('a region can fail, be cut off from the other region, or send its users there', () => {
    expect(labels('use1')).toEqual([
      [
        'Region outage: US East (N. Virginia)',
        { id: WHAT_IF_ID, name: 'US East (N. Virginia) fails', fail: ['use1'] },
      ],
      [
        'Partition: US East (N. Virginia) ↔ Europe (Ireland)',
        {
          id: WHAT_IF_ID,
          name: 'US East (N. Virginia) and Europe (Ireland) are cut off from each other',
          partition: [['use1', 'euw1']],
        },
      ],
      [
        "Shift US East (N. Virginia)'s users to Europe (Ireland)",
        {
          id: WHAT_IF_ID,
          name: "US East (N. Virginia)'s users move to Europe (Ireland)",
          shift: { from: 'use1', to: 'euw1', share: 1 },
        },
      ],
    ]);
  });

  it('a zone fails; a datastore fails or has its data corrupted; a service fails, or its common cause happens', () => {
    expect(labels('use1-a').map(([label]) => label)).toEqual(['Zone outage: use1-a']);
    const store = variant.nodes.find((n) => n.kind === 'datastore');
    const service = variant.nodes.find((n) => n.kind === 'service');
    if (!store || !service) throw new Error('the template has no datastore or service');
    expect(whatIfChoicesForNode(doc, variant, store.id).map((c) => c.scenario)).toEqual([
      expect.objectContaining({ fail: [store.id] }),
      expect.objectContaining({ corrupt: [store.id] }),
    ]);
    expect(whatIfChoicesForNode(doc, variant, service.id).map((c) => c.scenario)).toEqual([
      expect.objectContaining({ fail: [service.id] }),
      expect.objectContaining({ commonCause: ['global-deploy'] }),
    ]);
    expect(whatIfChoicesForNode(doc, variant, 'nope')).toEqual([]);
  });

  it('every choice is a scenario the schema accepts once kept, and the engine runs', () => {
    for (const node of variant.nodes) {
      for (const choice of whatIfChoicesForNode(doc, variant, node.id)) {
        const kept = keptScenario(doc, choice);
        const withIt = { ...doc, scenarios: [...(doc.scenarios ?? []), kept] };
        const reparsed = parseDocumentText(JSON.stringify(withIt));
        expect(reparsed.ok, `${choice.label}`).toBe(true);
        expect(evaluateScenario(doc, variant.id, choice.scenario)?.applies, choice.label).toBe(
          true,
        );
      }
    }
  });

  it('an edge between regions can lose its link; an edge inside a region offers nothing', () => {
    const inside = variant.edges.find((e) => e.kind === 'depends' && e.from !== variant.entry);
    if (!inside) throw new Error('no edge inside a region');
    expect(whatIfChoicesForEdge(variant, inside.from, inside.to)).toEqual([]);
    const crossing = whatIfChoicesForEdge(
      { ...variant, edges: [{ from: inside.from, to: 'redis-euw1', kind: 'depends' }] },
      inside.from,
      'redis-euw1',
    );
    expect(crossing.map((c) => c.scenario.partition)).toEqual([[['use1', 'euw1']]]);
  });

  it('a kept what-if takes an id no scenario of the document has', () => {
    const [outage] = whatIfChoicesForNode(doc, variant, 'use1');
    if (!outage) throw new Error('no choice');
    const first = keptScenario(doc, outage);
    const second = keptScenario({ ...doc, scenarios: [...(doc.scenarios ?? []), first] }, outage);
    expect(first.id).toBe('region-outage-1');
    expect(second.id).toBe('region-outage-2');
  });
});

describe('what-if in the store', () => {
  it('asking enters scenario mode on it; another scenario or leaving forgets it', () => {
    const store = createPlannerStore();
    store.getState().openDocument({ document: doc, fileId: null, name: 'aa2', savedText: null });
    const [outage] = whatIfChoicesForNode(doc, variant, 'use1');
    if (!outage) throw new Error('no choice');
    store.getState().askWhatIf(outage);
    expect(store.getState().activeScenarioId).toBe(WHAT_IF_ID);
    expect(store.getState().whatIf).toBe(outage);
    store.getState().setActiveScenario(doc.scenarios?.[0]?.id ?? null);
    expect(store.getState().whatIf).toBeNull();
    store.getState().askWhatIf(outage);
    store.getState().setActiveScenario(null);
    expect(store.getState().whatIf).toBeNull();
  });
});

describe('traffic on the canvas in scenario mode', () => {
  it('labels the edges a router splits requests over, with the shares that moved', () => {
    const [outage] = whatIfChoicesForNode(doc, variant, 'use1');
    const result = outage && evaluateScenario(doc, variant.id, outage.scenario);
    if (!result) throw new Error('not evaluated');
    const traffic = new Map(result.edgeTraffic.map((t) => [`depends:${t.from}>${t.to}`, t]));
    const view = toFlow(variant, { nodes: new Set(), edges: new Set(), marks: new Map(), traffic });
    const byId = new Map(view.edges.map((e) => [e.id, e]));
    const fromEntry = view.edges.filter((e) => e.source === variant.entry);
    expect(fromEntry.map((e) => e.data?.label).sort()).toEqual([
      '50\u00a0% → 0\u00a0%',
      '50\u00a0% → 100\u00a0%',
    ]);
    const gaining = fromEntry.find((e) => e.data?.labelTone === 'gain');
    expect(gaining?.className).toContain('is-gaining');
    // Downstream of a single target nothing is written, the stroke alone shows the move.
    const downstream = [...byId.values()].filter(
      (e) =>
        e.type === 'depends' && e.source !== variant.entry && e.className?.includes('is-gaining'),
    );
    expect(downstream.length).toBeGreaterThan(0);
    for (const e of downstream) expect(e.data?.label).toBeUndefined();
  });

  it('writes a share with up to 2 decimals (shared/text)', () => {
    expect(trafficLabel({ from: 'a', to: 'b', share: 0.5, normalShare: 0.5 })).toBe('50\u00a0%');
    expect(trafficLabel({ from: 'a', to: 'b', share: 1, normalShare: 0.5 })).toBe(
      '50\u00a0% → 100\u00a0%',
    );
    expect(trafficLabel({ from: 'a', to: 'b', share: 0.0042, normalShare: 0.0042 })).toBe(
      '0.42\u00a0%',
    );
  });
});
