import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema, type PriceBook } from '../../catalog/price-book';
import type { NinesDocument } from '../../model/types';
import { parseDocumentText } from '../../schema/parse';
import { generatedModel } from '../../testing/generated-model';
import { advise, adviseAsync, type AdviceOutcome, type AdviceReport } from './index';

const priceBook: PriceBook = priceBookSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
  ),
);
const TEMPLATE_DIR = new URL('../../../assets/templates/', import.meta.url);
const TEMPLATES = readdirSync(TEMPLATE_DIR)
  .filter((name) => name.endsWith('.nines.json'))
  .sort();

function template(name: string): NinesDocument {
  const parsed = parseDocumentText(readFileSync(new URL(name, TEMPLATE_DIR), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.document;
}

/** A generated design whose load is high enough for N+1 capacity findings. */
function loaded(regions: number): NinesDocument {
  const doc = generatedModel(regions);
  const rps = doc.workload?.requestsPerSecond ?? 0;
  return { ...doc, workload: { ...doc.workload, requestsPerSecond: rps * 5 } };
}

const resume = () => new Promise<void>((resolve) => setTimeout(resolve));

/** `adviseAsync` with every progress report and the number of pauses. */
async function run(
  doc: NinesDocument,
  variantId?: string,
  signal?: { aborted: boolean },
  stopAfterPauses = Infinity,
): Promise<{ outcome: AdviceOutcome; fractions: number[]; pauses: number }> {
  const fractions: number[] = [];
  let pauses = 0;
  const outcome = await adviseAsync(
    doc,
    variantId,
    { priceBook, onProgress: (f) => fractions.push(f), signal },
    () => {
      pauses += 1;
      if (signal && pauses >= stopAfterPauses) signal.aborted = true;
      return resume();
    },
  );
  return { outcome, fractions, pauses };
}

function reportOf(outcome: AdviceOutcome): AdviceReport {
  if (outcome.cancelled) throw new Error('the review was cancelled');
  return outcome.report;
}

describe('adviseAsync', () => {
  it.each(TEMPLATES)('gives exactly the findings of advise on %s', async (name) => {
    const doc = template(name);
    const { outcome } = await run(doc);
    expect(reportOf(outcome)).toEqual(advise(doc, undefined, { priceBook }));
    for (const variant of doc.variants) {
      const one = await run(doc, variant.id);
      expect(reportOf(one.outcome)).toEqual(advise(doc, variant.id, { priceBook }));
    }
  });

  it('gives exactly the findings of advise on a generated design with capacity findings', async () => {
    const doc = loaded(2);
    const expected = advise(doc, undefined, { priceBook });
    expect(expected.variants[0]?.findings.some((f) => f.code.startsWith('capacity-'))).toBe(true);
    expect(reportOf((await run(doc)).outcome)).toEqual(expected);
  });

  it.each(['ha-options.nines.json', 'warm-standby-2-regions.nines.json'])(
    'reports progress in (0, 1], increasing, ending at 1, at most about 100 times (%s)',
    async (name) => {
      const { fractions } = await run(template(name));
      expect(fractions.length).toBeGreaterThan(0);
      expect(fractions.length).toBeLessThanOrEqual(101);
      expect(fractions.at(-1)).toBe(1);
      fractions.forEach((f, i) => {
        expect(f).toBeGreaterThan(0);
        expect(f).toBeLessThanOrEqual(1);
        if (i > 0) expect(f).toBeGreaterThan(fractions[i - 1] as number);
      });
    },
  );

  it('reports steady progress on a large design', async () => {
    // Four regions: every fix fits in the work budget (six would be cut short by it).
    const { fractions, pauses } = await run(generatedModel(4));
    expect(pauses).toBeGreaterThan(30);
    expect(fractions.length).toBeGreaterThan(10);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('ends with progress 1 when the variant is unknown', async () => {
    const { outcome, fractions } = await run(template('warm-standby-2-regions.nines.json'), 'x');
    expect(reportOf(outcome).issues[0]?.code).toBe('unknown-variant');
    expect(fractions).toEqual([1]);
  });

  it('stops at the next step once the signal is set, with the share done', async () => {
    const doc = loaded(2);
    const full = await run(doc);
    const signal = { aborted: false };
    const stopped = await run(doc, undefined, signal, 5);
    expect(stopped.pauses).toBe(5);
    expect(stopped.pauses).toBeLessThan(full.pauses);
    expect(stopped.outcome.cancelled).toBe(true);
    if (!stopped.outcome.cancelled) return;
    expect(stopped.outcome.fraction).toBeGreaterThan(0);
    expect(stopped.outcome.fraction).toBeLessThan(1);
    expect(stopped.fractions.at(-1) ?? 0).toBeLessThanOrEqual(stopped.outcome.fraction);
    expect(stopped.fractions).not.toContain(1);
  });

  it('does no work when the signal is already set', async () => {
    const { outcome, fractions, pauses } = await run(loaded(2), undefined, { aborted: true });
    expect(outcome).toEqual({ cancelled: true, fraction: 0 });
    expect(fractions).toEqual([]);
    expect(pauses).toBe(0);
  });
});
