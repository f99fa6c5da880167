/**
 * `nines plan`: the PDF read back with pdfjs holds every chapter and BIA figures equal to
 * evaluate's; the Markdown's BIA table too; the DOCX keeps Word's heading styles; exit codes.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../shared/engine';
import type { ScenarioResult } from '../shared/engine';
import type { NinesDocument } from '../shared/model/types';
import { buildPlan } from '../shared/plan/content/build-plan';
import { type PlanDocument } from '../shared/plan/document';
import { headingLabel, headingNumbers, headingsOf } from '../shared/plan/outline';
import { writeMarkdown } from '../shared/plan/markdown/write-markdown';
import { priceBookSchema, type PriceBook } from '../shared/catalog/price-book';
import { PART_PROVIDERS, pricePartSchema, withPriceParts } from '../shared/catalog/price-parts';
import {
  PRICEBOOK_URL,
  checkedOnFailure,
  loadBundledPriceBook,
  partUrl,
  readBundledPriceBook,
} from './price-files';
import { runCli, template } from './testing';

const require = createRequire(import.meta.url);
const standardFontDataUrl = `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
const DATE = '2026-11-26';
const AA3 = template('active-active-3-regions');
const SINGLE = template('single-region-3az');
const TEMPLATE_NAMES = readdirSync(dirname(AA3))
  .filter((n) => n.endsWith('.nines.json'))
  .map((n) => n.replace(/\.nines\.json$/, ''));

const dir = mkdtempSync(join(tmpdir(), 'nines-plan-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every page's text as lines (items grouped by baseline, top to bottom, left to right). */
async function pdfLines(bytes: Uint8Array): Promise<string[][]> {
  const pdf = await getDocument({ data: bytes.slice(), standardFontDataUrl, disableFontFace: true })
    .promise;
  const pages: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const rows = new Map<number, { x: number; str: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round((item.transform[5] as number) / 2) * 2;
      rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4] as number, str: item.str }]);
    }
    pages.push(
      [...rows.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, row]) =>
          squash(
            row
              .sort((a, b) => a.x - b.x)
              .map((i) => i.str)
              .join(' '),
          ),
        ),
    );
  }
  await pdf.destroy();
  return pages;
}

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, min: 60, h: 3600, d: 86400 };

/** A printed duration back in seconds with half its last digit as tolerance; null for unbounded. */
function parseDuration(text: string): { seconds: number; tolerance: number } | null {
  if (text === 'unbounded') return null;
  const match = /^(\d+(?:\.(\d+))?)[ \u00a0](ms|s|min|h|d)$/.exec(text);
  if (!match) throw new Error(`not a duration: "${text}"`);
  const unit = UNIT_SECONDS[match[3] as string] as number;
  const decimals = match[2]?.length ?? 0;
  return { seconds: Number(match[1]) * unit, tolerance: 0.5 * 10 ** -decimals * unit };
}

function expectDuration(printed: string, seconds: number | null): void {
  const parsed = parseDuration(printed);
  if (seconds === null) {
    expect(parsed).toBeNull();
    return;
  }
  expect(parsed, printed).not.toBeNull();
  expect(Math.abs((parsed?.seconds ?? NaN) - seconds), printed).toBeLessThanOrEqual(
    (parsed?.tolerance ?? 0) + 1e-12,
  );
}

const usdValue = (text: string) => Number(text.replace(/[$,]/g, ''));

let model: NinesDocument;
let plan: PlanDocument;
let scenarios: ScenarioResult[];
let expectedYearlyCost: number;

beforeAll(async () => {
  model = JSON.parse(readFileSync(AA3, 'utf8')) as NinesDocument;
  const priceBook = await loadBundledPriceBook();
  const result = buildPlan(model, { priceBook, date: DATE });
  if (!result.ok) throw new Error('the template does not build');
  plan = result.plan;
  const evaluation = evaluate(model, 'aa3', { priceBook }).variants[0];
  scenarios = (evaluation?.scenarios ?? []).filter((s) => s.applies);
  expectedYearlyCost = evaluation?.cost?.expectedDowntimeCostPerYear ?? NaN;
}, 60_000);

/**
 * Checks that the captions among `lines` (lines starting `Table 3. `, `Table B.1. `,
 * `Figure 1. `) are numbered 1, 2, 3, … in the body and within each appendix letter, in order,
 * and returns their labels.
 */
function expectContiguousCaptions(lines: readonly string[]): string[] {
  const labels: string[] = [];
  for (const line of lines) {
    const match = /^(Table|Figure) ((?:[A-Z]\.)?\d+)\. /.exec(line);
    const label = match ? `${match[1]} ${match[2]}` : undefined;
    if (label && !labels.includes(label)) labels.push(label);
  }
  expect(labels.length).toBeGreaterThan(10);
  const seen = new Map<string, number>();
  for (const label of labels) {
    const [, series = '', n = ''] = /^(.* (?:[A-Z]\.)?)(\d+)$/.exec(label) ?? [];
    expect(Number(n), label).toBe((seen.get(series) ?? 0) + 1);
    seen.set(series, Number(n));
  }
  return labels;
}

/** The chapter headings as printed (`4  Business impact analysis`, `Appendix A. …`). */
function chapterLabels(): string[] {
  const numbers = headingNumbers(plan);
  return headingsOf(plan)
    .filter((h) => h.level === 1)
    .map((h) => squash(headingLabel(h, numbers)));
}

/** `text` as a regular expression that matches it literally. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('nines plan FILE --pdf', () => {
  let pages: string[][];

  beforeAll(async () => {
    const out = join(dir, 'aa3.pdf');
    const run = await runCli('plan', AA3, '--pdf', out, '--date', DATE);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const bytes = readFileSync(out);
    mkdirSync('test-results/plan', { recursive: true });
    writeFileSync('test-results/plan/aa3-plan.pdf', bytes);
    pages = await pdfLines(new Uint8Array(bytes));
  }, 60_000);

  it('has 8 pages or more and every chapter of the ISCP outline, in order', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
    const labels = chapterLabels();
    expect(labels).toEqual([
      '1 Plan approval and document control',
      '2 Introduction',
      '3 Concept of operations',
      '4 Business impact analysis',
      '5 Preventive controls',
      '6 Activation and notification',
      '7 Recovery',
      '8 Reconstitution',
      '9 Testing and exercises',
      '10 Options compared and cost',
      'Appendix A. Personnel contact list',
      'Appendix B. Vendor contact list',
      'Appendix C. Alternate processing procedures',
      'Appendix D. Component inventory',
      'Appendix E. Interconnections',
      'Appendix F. Associated plans and procedures',
      'Appendix G. Parameters and their sources',
      'Appendix H. Availability method',
      'Appendix I. Glossary and acronyms',
      'Appendix J. Coverage of the NIST ISCP template',
    ]);
    // Each chapter starts a page: its heading is the first line under the running header.
    const starts = labels.map((label) => pages.findIndex((p) => p.slice(0, 4).includes(label)));
    expect(starts.every((s) => s > 1)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('never ends a page with a table caption: each table starts under its own', () => {
    // The last line above each page's footer (`Version … Page N of M`).
    const lastLines = pages.map((lines) => lines.at(-2) ?? '');
    const captions = pages.flat().filter((line) => /^Table [A-Z]?\.?\d+(\.\d+)?\. /.test(line));
    expect(captions.length).toBeGreaterThan(10);
    expect(lastLines.filter((line) => /^Table [A-Z]?\.?\d+(\.\d+)?\. /.test(line))).toEqual([]);
  });

  it('prints one runbook per scenario and every table of the appendices', () => {
    const text = pages.flat().join('\n');
    for (const s of scenarios) expect(text).toContain(`Runbook: ${s.name}`);
    for (const caption of [
      'Table A.1.',
      'Table B.1.',
      'Table C.1.',
      'Table D.1.',
      'Table E.1.',
      'Table F.1.',
      'Table G.1.',
      'Table G.2.',
      'Table G.3.',
      'Table H.1.',
      'Table J.1.',
    ])
      expect(text).toContain(caption);
    expectContiguousCaptions(pages.flat());
  });

  it('prints BIA figures equal to evaluate: RTO, RPO, result and downtime cost per scenario', () => {
    const start = pages.findIndex((p) => p.includes('4 Business impact analysis'));
    const end = pages.findIndex((p) => p.includes('5 Preventive controls'));
    const bia = pages.slice(start, end).flat();
    const row =
      /(\d[\d.]* (?:ms|s|min|h|d)|unbounded) (\d[\d.]* (?:ms|s|min|h|d)|unbounded) (yes|no) (pass|fail: [A-Z, ]+?) (\$[\d,]+|unbounded)$/;
    const rows = bia.map((line) => row.exec(line)).filter((m) => m !== null);
    expect(rows).toHaveLength(scenarios.length);
    scenarios.forEach((s, i) => {
      const [, rto = '', rpo = '', , result = '', cost = ''] = rows[i] as RegExpExecArray;
      // The row's first line starts with the first words of the scenario's (wrapped) name.
      expect(
        (rows[i] as RegExpExecArray).input.startsWith(s.name.split(' ').slice(0, 2).join(' ')),
      ).toBe(true);
      expectDuration(rto, s.rtoSeconds);
      expectDuration(rpo, s.rpoSeconds);
      expect(result.startsWith('pass')).toBe(s.meetsRto && s.meetsRpo);
      // The scenario's phases at the hourly cost (hand-checked in the engine's verdicts test).
      expect(usdValue(cost)).toBe(Math.round(s.downtimeCostUsd ?? NaN));
    });
    const yearly = bia.join(' ');
    expect(yearly).toContain(`$${Math.round(expectedYearlyCost).toLocaleString('en-US')} a year`);
  });
});

describe('nines plan FILE --md --docx', () => {
  let markdown: string;
  let docx: Uint8Array;

  beforeAll(async () => {
    const md = join(dir, 'aa3.md');
    const word = join(dir, 'aa3.docx');
    const run = await runCli('plan', AA3, '--md', md, '--docx', word, '--date', DATE);
    expect(run.code).toBe(0);
    markdown = readFileSync(md, 'utf8');
    docx = readFileSync(word);
    writeFileSync('test-results/plan/aa3-plan.docx', docx);
  }, 60_000);

  it('writes every chapter as a Markdown heading and the topology as a Mermaid block', () => {
    for (const label of chapterLabels()) {
      expect(markdown).toMatch(
        new RegExp(`^## ${label.replace(/[.]/g, '\\.').replace(' ', ' +')}$`, 'm'),
      );
    }
    expect(markdown).toMatch(/```mermaid\nflowchart/);
  });

  it('writes the BIA table with the figures of evaluate', () => {
    for (const s of scenarios) {
      const line = markdown
        .split('\n')
        .find((l) => l.startsWith(`| ${s.name} |`) && l.includes('$'));
      expect(line, s.name).toBeDefined();
      const cells = (line ?? '').split('|').map((c) => c.trim());
      const [, , outcome = '', rto = '', rpo = '', , result = '', cost = ''] = cells;
      expect(outcome).toBe(s.status === 'full' ? 'full service' : 'service down');
      expectDuration(rto, s.rtoSeconds);
      expectDuration(rpo, s.rpoSeconds);
      expect(result === 'pass').toBe(s.meetsRto && s.meetsRpo);
      expect(usdValue(cost)).toBe(Math.round(s.downtimeCostUsd ?? NaN));
    }
  });

  it('numbers the tables of a single-variant, single-region plan without gaps', async () => {
    // It has no ranking of variants (Table 10) and no cross-region dependencies (Table C.1).
    const md = join(dir, 'single.md');
    const run = await runCli('plan', SINGLE, '--md', md, '--date', DATE);
    expect(run.code).toBe(0);
    const lines = readFileSync(md, 'utf8')
      .split('\n')
      .map((l) => l.replace(/^\*\*|\*\*$/g, ''));
    expect(expectContiguousCaptions(lines)).toContain('Table 10');
  });

  it('styles the DOCX headings as Word Heading 1–3, in the order of the plan', () => {
    const xml = strFromU8(unzipSync(docx)['word/document.xml'] ?? new Uint8Array());
    // Each paragraph with its style and its w:t texts joined, a w:noBreakHyphen (inside an id)
    // read as `-` (the XML holds no nested w:p).
    const styled = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map(([p]) => ({
        style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '',
        text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)]
          .map((t) => (t[0] === '<w:noBreakHyphen/>' ? '-' : (t[1] ?? '')))
          .join(''),
      }))
      .filter(({ style }) => /^Heading[1-3]$/.test(style));
    // Word numbers the headings (a list linked to the heading styles): the text has no number.
    expect(styled.map(({ style, text }) => [style, text])).toEqual(
      headingsOf(plan).map((h) => [`Heading${h.level}`, h.text]),
    );
  });
});

describe('the price book of nines plan', () => {
  it('is the same read unchecked as built from what its schemas return', async () => {
    // nines plan builds the plan from the files as read and checks them while the PDF is laid
    // out: the book must be the one built from the schemas' output, as every other command's was.
    const read = await readBundledPriceBook();
    expect(() => read.check()).not.toThrow();
    const file = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as unknown;
    const parsed = withPriceParts(
      priceBookSchema.parse(file(PRICEBOOK_URL)) as PriceBook,
      PART_PROVIDERS.map((provider) => pricePartSchema.parse(file(partUrl(provider)))),
    );
    expect(read.book).toEqual(parsed);
  });

  it('reports what is wrong with a book rather than what it broke', () => {
    const broken = () => {
      throw new Error('entries: must be a number ≥ 0');
    };
    const use = () => {
      throw new TypeError('cannot read properties of undefined');
    };
    expect(() => checkedOnFailure(broken, use)).toThrow('must be a number ≥ 0');
    expect(() => checkedOnFailure(() => undefined, use)).toThrow(TypeError);
    expect(checkedOnFailure(broken, () => 42)).toBe(42);
  });

  it("gives every template the same plan with its providers' bulk prices as with all of them", async () => {
    const [all, aws] = await Promise.all([loadBundledPriceBook(), loadBundledPriceBook(['aws'])]);
    expect(Object.keys(aws.entries).length).toBeLessThan(Object.keys(all.entries).length / 2);
    for (const name of TEMPLATE_NAMES) {
      const doc = JSON.parse(readFileSync(template(name), 'utf8')) as NinesDocument;
      // Every bundled template is on AWS: the plan command loads the AWS part only for them.
      const providers = new Set(
        doc.variants.flatMap((v) =>
          v.nodes.flatMap((n) => (n.kind === 'region' ? [n.provider] : [])),
        ),
      );
      expect([...providers], name).toEqual(['aws']);
      const plans = [all, aws].map((priceBook) => {
        const result = buildPlan(doc, { priceBook, date: DATE });
        if (!result.ok) throw new Error(`${name} does not build`);
        return writeMarkdown(result.plan);
      });
      expect(plans[1], name).toBe(plans[0]);
    }
  }, 120_000);
});

describe('nines plan exit codes', () => {
  it('exits 2 without an output option', async () => {
    const run = await runCli('plan', AA3);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: nines plan');
  });

  it('exits 2 on a date that is not YYYY-MM-DD', async () => {
    expect(
      (await runCli('plan', AA3, '--md', join(dir, 'x.md'), '--date', '26/11/2026')).code,
    ).toBe(2);
  });

  it('exits 1 on an unknown variant, naming the variants', async () => {
    const run = await runCli('plan', AA3, '--md', join(dir, 'x.md'), '--variant', 'nope');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no variant "nope" (variants: aa3)');
  });

  it('exits 1 when the output cannot be written', async () => {
    const run = await runCli('plan', AA3, '--md', join(dir, 'no-such-folder', 'x.md'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cannot write');
  });

  it('writes every format it can when one cannot be written, and exits 1', async () => {
    const md = join(dir, 'written-beside-a-failure.md');
    const unwritable = join(dir, 'no-such-folder', 'x.docx');
    const run = await runCli('plan', AA3, '--docx', unwritable, '--md', md);
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${escapeRegExp(unwritable)}: cannot write: `)),
    ]);
    expect(run.stdout).toContain(`${md}: MD plan of`);
    expect(readFileSync(md, 'utf8')).toContain('Contingency Plan');
  });

  it('exits 1 on an invalid file', async () => {
    const bad = join(dir, 'bad.nines.json');
    writeFileSync(bad, '{"format":"nines/1"}');
    expect((await runCli('plan', bad, '--md', join(dir, 'y.md'))).code).toBe(1);
  });
});
