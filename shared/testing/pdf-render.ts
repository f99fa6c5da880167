/**
 * For the tests of the PDF writer's speed-ups (shared/plan/pdf): every template's sample plan,
 * and a PDF written with one of pdfmake's methods swapped while a pdfkit method's calls are
 * counted, to compare the bytes with and without a speed-up and see which path drew them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { nodePdfMake } from '../../cli/plan-io';
import type { NinesDocument } from '../model/types';
import type { PlanDocument } from '../plan/document';
import type { PdfDefinition } from '../plan/pdf/pdf-definition';
import { samplePlan } from '../plan/sample-plan';

const TEMPLATES = new URL('../../assets/templates/', import.meta.url);

/** Every bundled template's sample plan (`samplePlan`, dated 2026-12-07), with its file name. */
export function templateSamplePlans(): { name: string; plan: PlanDocument }[] {
  return readdirSync(TEMPLATES)
    .filter((name) => name.endsWith('.nines.json'))
    .map((name) => {
      const model = JSON.parse(readFileSync(new URL(name, TEMPLATES), 'utf8')) as NinesDocument;
      return { name, plan: samplePlan(model, '2026-12-07') };
    });
}

type Methods = Record<string, (...args: unknown[]) => unknown>;

/**
 * The PDF of `definition()` (made afresh: pdfmake writes into the one it lays out) with
 * `swap.target[swap.method]` set to `swap.with` while it is written (and set back after), and
 * how many times `count.target[count.method]` was called meanwhile.
 */
export async function renderSwapped(
  definition: () => PdfDefinition,
  swap: { target: object; method: string; with: (...args: unknown[]) => unknown },
  count: { target: object; method: string },
): Promise<{ bytes: Buffer; calls: number }> {
  const swapped = swap.target as Methods;
  const counted = count.target as Methods;
  const [installed, original] = [swapped[swap.method], counted[count.method]];
  if (!installed || !original) throw new Error(`no ${swap.method} or ${count.method} to swap`);
  let calls = 0;
  counted[count.method] = function counting(this: unknown, ...args: unknown[]) {
    calls += 1;
    return original.apply(this, args);
  };
  swapped[swap.method] = swap.with;
  try {
    const bytes = await nodePdfMake().createPdf(definition()).getBuffer();
    return { bytes: Buffer.from(bytes), calls };
  } finally {
    counted[count.method] = original;
    swapped[swap.method] = installed;
  }
}
