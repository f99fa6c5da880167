import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { nodePdfMake } from '../../../cli/plan-io';
import type { NinesDocument } from '../../model/types';
import { samplePlan } from '../sample-plan';
import { installRepeatedFragments } from './repeated-fragments';
import { writePdf } from './write-pdf';

const require = createRequire(import.meta.url);
interface LayoutBuilderProto {
  addDynamicRepeatable: (...args: unknown[]) => void;
  processNode: (node: unknown) => void;
}
const LayoutBuilder = (
  require('pdfmake/js/LayoutBuilder') as { default: { prototype: LayoutBuilderProto } }
).default;
const ElementWriter = (require('pdfmake/js/ElementWriter') as { default: { prototype: object } })
  .default;
// pdfmake's own, before the install below.
const pdfmakeRepeatable = LayoutBuilder.prototype.addDynamicRepeatable;

const TEMPLATES = new URL('../../../assets/templates/', import.meta.url);
const plans = readdirSync(TEMPLATES)
  .filter((name) => name.endsWith('.nines.json'))
  .map((name) => {
    const model = JSON.parse(readFileSync(new URL(name, TEMPLATES), 'utf8')) as NinesDocument;
    return { name, plan: samplePlan(model, '2026-12-07') };
  });

describe('installRepeatedFragments', () => {
  installRepeatedFragments(LayoutBuilder, ElementWriter);
  const fast = LayoutBuilder.prototype.addDynamicRepeatable;

  it("leaves the PDF of every template's plan the same byte for byte", async () => {
    for (const { name, plan } of plans) {
      const after = await writePdf(plan, nodePdfMake());
      LayoutBuilder.prototype.addDynamicRepeatable = pdfmakeRepeatable;
      try {
        const before = await writePdf(plan, nodePdfMake());
        expect(Buffer.from(after).equals(Buffer.from(before)), name).toBe(true);
      } finally {
        LayoutBuilder.prototype.addDynamicRepeatable = fast;
      }
    }
  }, 300_000);

  it('lays each distinct header and footer out once per orientation', async () => {
    const { plan } = plans.find(({ name }) => name.startsWith('active-active-3')) ?? {};
    if (!plan) throw new Error('no three-region template');
    const processNode = LayoutBuilder.prototype.processNode;
    const laidOut: string[] = [];
    LayoutBuilder.prototype.processNode = function counted(this: unknown, node: unknown) {
      const { columns } = node as { columns?: { text: unknown }[] };
      if (columns) laidOut.push(columns.map(({ text }) => String(text)).join(' | '));
      processNode.call(this, node);
    };
    try {
      await writePdf(plan, nodePdfMake());
    } finally {
      LayoutBuilder.prototype.processNode = processNode;
    }
    const footers = laidOut.filter((text) => /\| Page \d+ of \d+$/.test(text));
    const pages = Number(/of (\d+)$/.exec(footers[0] ?? '')?.[1]);
    // A footer on every page but the first; the header once (its portrait and landscape
    // texts are the same here, laid out at two widths).
    expect(footers).toHaveLength(pages - 1);
    expect(laidOut).toHaveLength(pages - 1 + 2);
    expect(new Set(laidOut).size).toBe(pages - 1 + 1);
  }, 60_000);
});
