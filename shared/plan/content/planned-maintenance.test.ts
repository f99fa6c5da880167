/**
 * What the plan says of planned maintenance and common causes (the maintenance schedule, the
 * BIA's availability with and without planned maintenance, the preventive controls' common
 * causes and beta factors): every figure against `evaluate`'s output on the Active-Active
 * template with a maintenance window on a datastore, a rolling window on a tier and a beta
 * factor, and each figure found in the Markdown, DOCX and PDF the writers make of it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodePdfMake } from '../../../cli/plan-io';
import { priceBookSchema } from '../../catalog/price-book';
import { evaluate, MINUTES_PER_YEAR } from '../../engine';
import type { ModelNode, NinesDocument } from '../../model/types';
import { writeDocx } from '../docx/write-docx';
import { plainText, type PlanDocument, type TableBlock } from '../document';
import { writeMarkdown } from '../markdown/write-markdown';
import { writePdf } from '../pdf/write-pdf';
import { formatAvailability, formatMinutesPerYear, formatShare } from '../../text';
import { buildPlan } from './build-plan';
import { sectionBlocks } from '../../testing/plan-section';

const require = createRequire(import.meta.url);
const standardFontDataUrl = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
const priceBook = priceBookSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../assets/pricing/pricebook.json', import.meta.url), 'utf8'),
  ),
);

function template(stem: string): NinesDocument {
  const url = new URL(`../../../assets/templates/${stem}.nines.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as NinesDocument;
}

/**
 * The Active-Active template (with its cited global deploy) where Redis in us-east-1 is out for
 * 1 h twelve times a year, Checkout API in us-east-1 rolls a 30 min window weekly, and Checkout
 * API in eu-west-1 has a beta factor of 5 %.
 */
function fixture(excludePlannedDowntime = false): NinesDocument {
  const doc = template('active-active-2-regions');
  const changed = (n: ModelNode): ModelNode => {
    if (n.id === 'redis-use1' && n.kind === 'datastore')
      return { ...n, maintenance: { windowMinutes: 60, perYear: 12 } };
    if (n.id === 'app-use1' && n.kind === 'service')
      return { ...n, maintenance: { windowMinutes: 30, perYear: 52, rolling: true } };
    if (n.id === 'app-euw1' && n.kind === 'service') return { ...n, betaFactor: 0.05 };
    return n;
  };
  return {
    ...doc,
    targets: { ...doc.targets, excludePlannedDowntime },
    variants: doc.variants.map((v) => ({ ...v, nodes: v.nodes.map(changed) })),
  };
}

function planOf(doc: NinesDocument): PlanDocument {
  const result = buildPlan(doc, { priceBook, date: '2026-12-07' });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  return result.plan;
}

function evaluated(doc: NinesDocument) {
  const v = evaluate(doc, undefined, { priceBook }).variants[0];
  if (!v?.availability) throw new Error('not evaluated');
  return { ...v, availability: v.availability };
}

/** The table whose caption ends with `title` (the numbers are the plan's). */
function table(plan: PlanDocument, title: string): TableBlock | undefined {
  return plan.blocks.find(
    (b): b is TableBlock => b.kind === 'table' && (b.caption ?? '').endsWith(title),
  );
}

function rows(plan: PlanDocument, title: string): string[][] {
  const found = table(plan, title);
  if (!found) throw new Error(`no table "${title}"`);
  return found.rows.map((r) => r.map(plainText));
}

function sectionText(plan: PlanDocument, id: string): string {
  return sectionBlocks(plan, id)
    .map((b) => (b.kind === 'paragraph' ? plainText(b.runs) : ''))
    .join(' ');
}

/** `2,879.8 min/yr (98.97 %)` of event names: Fussell–Vesely × U_structural, as evaluated. */
function downtimeOf(v: ReturnType<typeof evaluated>, event: string): string {
  const fv = v.importance.find((i) => i.event === event)?.fussellVesely;
  if (fv === undefined) throw new Error(`no event ${event}`);
  const minutes = fv * v.availability.unavailability.structural * MINUTES_PER_YEAR;
  const share = minutes / v.availability.downtimeMinutesPerYear;
  return `${formatMinutesPerYear(minutes)} (${formatShare(share)})`;
}

const nbsp = (s: string): string => s.replace(/\u00a0/g, ' ');

describe('the plan on planned maintenance and common causes', () => {
  const doc = fixture();
  const plan = planOf(doc);
  const v = evaluated(doc);
  const a = v.availability;

  /** Every figure the sections print, with the engine's values. */
  const expected = {
    schedule: [
      [
        'Checkout API (us-east-1)',
        '30 min',
        '52',
        'yes',
        // 30 min × 52 windows.
        '1,560.0 min/yr',
        'capacity: 1 of 15 instances out, 5 needed',
        downtimeOf(v, 'app-use1#maint'),
      ],
      [
        'Redis Enterprise Active-Active (us-east-1)',
        '1 h',
        '12',
        'no',
        '720.0 min/yr',
        'availability: the whole component is out',
        downtimeOf(v, 'redis-use1#maint'),
      ],
    ],
    bia: [
      [
        'With planned maintenance',
        formatAvailability(a.requestWeighted),
        formatMinutesPerYear(a.downtimeMinutesPerYear),
        'yes',
      ],
      [
        'Without planned maintenance',
        formatAvailability(a.withoutPlannedDowntime.requestWeighted),
        formatMinutesPerYear(a.withoutPlannedDowntime.downtimeMinutesPerYear),
        'no',
      ],
      ['Planned maintenance', '—', formatMinutesPerYear(a.plannedMinutesPerYear), '—'],
    ],
    causes: [
      [
        'Global deploy or configuration change',
        'Checkout API (us-east-1) and Checkout API (eu-west-1)',
        '17,520 h (assumption)',
        '0.5 h (assumption)',
        downtimeOf(v, 'cause:global-deploy'),
        'Staged rollouts (a canary first, then one region at a time, so that a bad change stops where it first lands), independent control planes and configuration per region, and a rehearsed rollback (its repair time).',
      ],
    ],
    beta: [
      [
        'Checkout API (eu-west-1)',
        '15',
        '5 %',
        downtimeOf(v, 'app-euw1#ccf'),
        'Deploy and patch the instances of Checkout API (eu-west-1) in batches so that one fault cannot reach them all, then lower its beta factor.',
      ],
    ],
  };

  it('the maintenance schedule: each window, what it costs and the downtime it causes', () => {
    expect(rows(plan, 'Maintenance schedule').map((r) => r.map(nbsp))).toEqual(
      expected.schedule.map((r) => r.map(nbsp)),
    );
    // The engine's figures: 11.2 min/yr of planned downtime, of 33.5 with the windows.
    expect(a.plannedMinutesPerYear).toBeGreaterThan(10);
    const text = nbsp(sectionText(plan, 'planned-maintenance'));
    for (const figure of [
      formatMinutesPerYear(a.plannedMinutesPerYear),
      formatMinutesPerYear(a.downtimeMinutesPerYear),
      formatAvailability(a.requestWeighted),
      formatMinutesPerYear(a.withoutPlannedDowntime.downtimeMinutesPerYear),
      formatAvailability(a.withoutPlannedDowntime.requestWeighted),
    ]) {
      expect(text).toContain(nbsp(figure));
    }
  });

  it('the BIA: both availability figures, the planned minutes and what the target is judged on', () => {
    expect(rows(plan, 'Availability with and without planned maintenance')).toEqual(expected.bia);
    expect(sectionText(plan, 'expected-yearly-downtime')).toContain(
      `is judged on the availability with planned maintenance (${formatAvailability(a.requestWeighted)}), which meets it`,
    );
    const excluding = fixture(true);
    const other = planOf(excluding);
    const b = evaluated(excluding).availability;
    expect(b.againstTarget.excludesPlannedDowntime).toBe(true);
    expect(
      rows(other, 'Availability with and without planned maintenance').map((r) => r[3]),
    ).toEqual(['no', 'yes', '—']);
    expect(sectionText(other, 'expected-yearly-downtime')).toContain(
      `is judged on the availability without planned maintenance (${formatAvailability(b.withoutPlannedDowntime.requestWeighted)}), which meets it: the model's targets exclude planned downtime`,
    );
  });

  it('preventive controls: each common cause and each beta factor with its share and remedy', () => {
    expect(rows(plan, 'Common-cause events').map((r) => r.map(nbsp))).toEqual(
      expected.causes.map((r) => r.map(nbsp)),
    );
    expect(rows(plan, 'Tiers with a beta factor').map((r) => r.map(nbsp))).toEqual(
      expected.beta.map((r) => r.map(nbsp)),
    );
    // The template's source is cited beside the figures.
    const cited = sectionBlocks(plan, 'common-causes').some(
      (b) =>
        b.kind === 'list' &&
        b.items.some((i) => plainText(i).includes('Google SRE book, ch. 1 "Introduction"')),
    );
    expect(cited).toBe(true);
  });

  it('without windows, common causes or beta factors: no BIA table, and the sections say so', () => {
    const base = template('single-region-3az');
    const bare: NinesDocument = {
      ...base,
      variants: base.variants.map((variant) => {
        const { commonCause: _none, ...rest } = variant;
        return rest;
      }),
    };
    const p = planOf(bare);
    expect(table(p, 'Availability with and without planned maintenance')).toBeUndefined();
    expect(table(p, 'Maintenance schedule')).toBeUndefined();
    expect(table(p, 'Common-cause events')).toBeUndefined();
    expect(sectionText(p, 'planned-maintenance')).toContain(
      'The model declares no planned maintenance window',
    );
    expect(sectionText(p, 'common-causes')).toContain('The model names no common-cause event');
  });

  describe('in every format', () => {
    // The writers render the document model: the sections' blocks as a document of their own.
    const blocks = [
      ...sectionBlocks(plan, 'planned-maintenance'),
      ...sectionBlocks(plan, 'expected-yearly-downtime'),
      ...sectionBlocks(plan, 'common-causes'),
    ];
    const small: PlanDocument = { meta: plan.meta, blocks };
    const figures = Object.values(expected)
      .flat(2)
      // The numbers; component names, which hold a location such as us-east-1, are no figure.
      .filter((f) => /\d/.test(f) && !/(us|eu)-(east|west)-\d/.test(f))
      .map(nbsp);
    const texts: Record<string, string> = {};

    beforeAll(async () => {
      texts.markdown = writeMarkdown(small).replace(/\\([()[\]*_.#|-])/g, '$1');
      const files = unzipSync(await writeDocx(small));
      texts.docx = strFromU8(files['word/document.xml'] ?? new Uint8Array())
        .replace(/<\/w:p>/g, ' ')
        .replace(/<[^>]+>/g, '');
      const pdf = await getDocument({
        data: await writePdf(small, nodePdfMake()),
        standardFontDataUrl,
        disableFontFace: true,
      }).promise;
      const items: string[] = [];
      for (let n = 1; n <= pdf.numPages; n += 1) {
        const content = await (await pdf.getPage(n)).getTextContent();
        for (const item of content.items) if ('str' in item) items.push(item.str);
      }
      await pdf.destroy();
      texts.pdf = items.join(' ');
    }, 120_000);

    it.each(['markdown', 'docx', 'pdf'])('%s holds every figure', (format) => {
      const text = nbsp(texts[format] ?? '').replace(/\s+/g, ' ');
      const missing = figures.filter((f) => !text.includes(f));
      expect(missing).toEqual([]);
      expect(figures.length).toBeGreaterThan(15);
    });
  });
});
