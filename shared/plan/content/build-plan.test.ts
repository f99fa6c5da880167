import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../../catalog/price-book';
import { evaluate } from '../../engine';
import type { NinesDocument } from '../../model/types';
import { plainText, type Block, type TableBlock } from '../document';
import { checkDocument, headingsOf } from '../outline';
import { writeMarkdown } from '../markdown/write-markdown';
import { sharedDependencies } from '../../testing/budget-models';
import { PLAN_MAX_EDGES, buildPlan } from './build-plan';
import { formatDuration, formatUsd } from '../../text';

const TEMPLATES = new URL('../../../assets/templates/', import.meta.url);
const priceBook = priceBookSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
  ),
);

function template(name: string): NinesDocument {
  return JSON.parse(readFileSync(new URL(name, TEMPLATES), 'utf8')) as NinesDocument;
}

/** The table whose caption, after its number, is `title`. */
function tableByCaption(blocks: readonly Block[], title: string): TableBlock {
  const table = blocks.find(
    (b): b is TableBlock =>
      b.kind === 'table' && (b.caption ?? '').replace(/^Table [A-Z0-9.]+\. /, '') === title,
  );
  if (!table) throw new Error(`no table "${title}"`);
  return table;
}

describe('buildPlan on every template', () => {
  const names = readdirSync(TEMPLATES).filter((n) => n.endsWith('.nines.json'));

  it.each(names)('%s: a writable document with a runbook per scenario and blanks', (name) => {
    const doc = template(name);
    const result = buildPlan(doc, { priceBook, date: '2026-11-26' });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    const { plan, context } = result;
    expect(checkDocument(plan)).toEqual([]);
    expect(context.variant.id).toBe(doc.variants[0]?.id);
    const applying = context.evaluation.scenarios.filter((s) => s.applies);
    const runbooks = headingsOf(plan).filter(
      (h) => h.level === 2 && h.text.startsWith('Runbook: '),
    );
    expect(runbooks.map((h) => h.text)).toEqual(applying.map((s) => `Runbook: ${s.name}`));
    // People, contacts and sign-off are never filled in: each is a blank for the plan owner.
    const blanks = JSON.stringify(plan.blocks).match(/"blank":true/g) ?? [];
    expect(blanks.length).toBeGreaterThanOrEqual(60);
    expect(plan.blocks.filter((b) => b.kind === 'figure')).toHaveLength(1);
  });

  it('ranks every variant of a document with several, and describes the one asked for', () => {
    const doc = template('ha-options.nines.json');
    const last = doc.variants[doc.variants.length - 1]?.id ?? '';
    const result = buildPlan(doc, { priceBook, date: '2026-11-26', variantId: last });
    if (!result.ok) throw new Error('ha-options does not build');
    expect(result.context.variant.id).toBe(last);
    const ranked = tableByCaption(result.plan.blocks, 'Variants ranked');
    expect(ranked.rows).toHaveLength(doc.variants.length);
    expect(ranked.rows.map((r) => Number(plainText(r[0] ?? '')))).toEqual(
      doc.variants.map((_, i) => i + 1),
    );
    expect(ranked.rows.filter((r) => plainText(r[1] ?? '').endsWith('(this plan)'))).toHaveLength(
      1,
    );
  });

  it('prints the BIA figures of evaluate', () => {
    const doc = template('active-active-3-regions.nines.json');
    const result = buildPlan(doc, { priceBook, date: '2026-11-26' });
    if (!result.ok) throw new Error('aa3 does not build');
    const scenarios = evaluate(doc, 'aa3', { priceBook }).variants[0]?.scenarios ?? [];
    const bia = tableByCaption(
      result.plan.blocks,
      'Recovery objectives against achieved, by scenario',
    );
    expect(bia.rows.map((r) => r.map(plainText))).toEqual(
      scenarios
        .filter((s) => s.applies)
        .map((s) => [
          s.name,
          s.status === 'full' ? 'full service' : 'service down',
          formatDuration(s.rtoSeconds),
          formatDuration(s.rpoSeconds),
          (s.timeToFullCapacitySeconds ?? Infinity) <= 3600 ? 'yes' : 'no',
          s.meetsRto && s.meetsRpo ? 'pass' : 'fail: RTO, RPO',
          // The engine's cost of the phases (hand-checked in shared/engine/scenarios/verdicts.test.ts).
          formatUsd(s.downtimeCostUsd as number),
        ]),
    );
  });

  it('pilot light: the region outage waits for a person to promote the standby', () => {
    const result = buildPlan(template('pilot-light-2-regions.nines.json'), {
      priceBook,
      date: '2026-11-26',
    });
    if (!result.ok) throw new Error('pilot-light does not build');
    const text = result.plan.blocks.map((b) => ('runs' in b ? plainText(b.runs) : '')).join('\n');
    expect(text).toContain(
      'Manual: a person promotes the standby once the coordinator decides not to wait for the repair',
    );
    expect(text).toContain(
      'service returns when a person decides to promote the standby of redis-use1 and does it',
    );
    expect(text).not.toContain('Automatic: a person promotes');
  });

  it('labels a fix that is not a model change "not measured", with the ceiling it leaves', () => {
    const result = buildPlan(template('single-region-3az.nines.json'), {
      priceBook,
      date: '2026-11-26',
    });
    if (!result.ok) throw new Error('single-region-3az does not build');
    const markdown = writeMarkdown(result.plan);
    expect(markdown).toMatch(
      /Choose a load balancer with a higher SLA, or serve from a second region behind a global router\*\* — not measured; at most 99\.9900\s% while it stays\./,
    );
    expect(markdown).not.toMatch(/global router\*\* — availability unchanged/);
  });

  it('gives a second DNS provider its measured effect and cost', () => {
    const result = buildPlan(template('warm-standby-2-regions.nines.json'), {
      priceBook,
      date: '2026-11-26',
    });
    if (!result.ok) throw new Error('warm-standby does not build');
    expect(writeMarkdown(result.plan)).toMatch(
      /\*\*Add a second DNS provider beside Route 53, both in the domain's delegation\*\* — availability 99\.9760\s% to 99\.9770\s% \(−5\.2\smin\/yr\), \+\$4 a month\./,
    );
  });

  it('refuses an unknown variant with the list of variants', () => {
    const result = buildPlan(template('single-region-3az.nines.json'), {
      priceBook,
      date: '2026-11-26',
      variantId: 'nope',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toContain('no variant "nope"');
  });
});

describe('buildPlan within its limits', () => {
  it('refuses a variant with more edges than a plan is written for, before any work, naming the limit', () => {
    // 40 services × 40 datastores: 1,600 dependency edges, 40 more from the router.
    const doc = sharedDependencies(40, 20, 40);
    expect(doc.variants[0]!.edges.length).toBeGreaterThan(PLAN_MAX_EDGES);
    const result = buildPlan(doc, { priceBook, date: '2026-11-26' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'over-limit',
        message: expect.stringContaining('1,000 edges'),
      }),
    ]);
  });
});
