// The names nodes and edges carry for assistive technology (React Flow's aria-label).
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../../shared/schema/parse';
import { NBSP } from '../../../shared/text';
import aa2 from '../../../assets/templates/active-active-2-regions.nines.json?raw';
import { spokenEdge, spokenNode } from './spoken';
import { toFlow } from './to-flow';

const parsed = parseDocumentText(aa2);
if (!parsed.ok) throw new Error('the two-region template does not parse');
const variant = parsed.document.variants[0]!;
const node = (id: string) => variant.nodes.find((n) => n.id === id)!;

describe('spokenNode', () => {
  it('says the kind, the name, the place and a tier size', () => {
    const app = node('app-use1');
    expect(app.kind).toBe('service');
    expect(spokenNode(variant, app)).toMatch(
      new RegExp(
        `^Service Checkout API \\(US East \\(N\\. Virginia\\)\\), \\d+${NBSP}instances, \\d+ needed$`,
      ),
    );
    expect(spokenNode(variant, node('use1'))).toBe('Region US East (N. Virginia)');
  });
  it('says its state in scenario mode', () => {
    expect(spokenNode(variant, node('use1'), 'stopped')).toBe(
      'Region US East (N. Virginia), stopped in this scenario',
    );
    expect(spokenNode(variant, node('euw1'), 'survivor')).toBe(
      'Region Europe (Ireland), keeps working in this scenario',
    );
  });
});

describe('spokenNode of a changed design', () => {
  it('says the new name of a renamed node and of its renamed region', () => {
    const app = node('app-use1');
    const before = spokenNode(variant, app);
    const renamedApp = { ...app, name: 'Payments' };
    const withApp = {
      ...variant,
      nodes: variant.nodes.map((n) => (n.id === app.id ? renamedApp : n)),
    };
    expect(spokenNode(withApp, renamedApp)).toMatch(/^Service Payments \(US East/);
    const withRegion = {
      ...variant,
      nodes: variant.nodes.map((n) => (n.id === 'use1' ? { ...n, name: 'Virginia' } : n)),
    };
    expect(spokenNode(withRegion, app)).toMatch(/^Service Checkout API \(Virginia\)/);
    expect(spokenNode(variant, app)).toBe(before);
  });
});

describe('spokenEdge', () => {
  it('reads from the source to the target, with its label', () => {
    const edge = { kind: 'replicates' as const, from: 'app-use1', to: 'app-euw1' };
    expect(spokenEdge(variant, edge, 'async')).toBe(
      'Checkout API (US East (N. Virginia)) replicates to Checkout API (Europe (Ireland)), async',
    );
  });
  it('is the aria-label of every node and edge the canvas draws', () => {
    const view = toFlow(variant, null);
    for (const n of view.nodes) expect(n.ariaLabel).toBe(spokenNode(variant, node(n.id)));
    for (const e of view.edges)
      expect(e.ariaLabel).toMatch(/ (depends on|replicates to|backs up) /);
  });
});
