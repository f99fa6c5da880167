/**
 * The plan of every bundled template, read back against the precision rule of
 * docs/conventions.md: no number in its Markdown may break it. Text the engine writes itself
 * (advisor findings and fixes, compare's miss reasons, scenario notes and issues) is taken out
 * of the plan's text and checked apart, so that a problem names the part that wrote it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { priceBookSchema } from '../catalog/price-book';
import { LINK_DEFAULTS, MANUAL_FAILOVER_SECONDS, NODE_DEFAULTS } from '../model/defaults';
import type { NinesDocument } from '../model/types';
import { numberFormatProblems } from '../testing/number-format';
import { buildPlan } from './content/build-plan';
import type { PlanContext } from './content/context';
import { escapeMarkdown, writeMarkdown } from './markdown/write-markdown';

const TEMPLATES = new URL('../../assets/templates/', import.meta.url);
const priceBook = priceBookSchema.parse(
  JSON.parse(readFileSync(new URL('../../assets/pricing/pricebook.json', import.meta.url), 'utf8')),
);
const names = readdirSync(TEMPLATES).filter((n) => n.endsWith('.nines.json'));

/** Sentences the engine writes, numbers included, that the plan prints as they are. */
function engineText(context: PlanContext): string[] {
  return [
    ...context.findings.flatMap((f) => [f.title, f.detail, f.fix]),
    ...context.comparison.variants.flatMap((v) => v.misses),
    ...context.evaluation.issues.map((i) => i.message),
    ...context.evaluation.scenarios.flatMap((s) => [...s.notes, ...s.issues.map((i) => i.message)]),
  ];
}

/** Every `source` string in the defaults' tables. */
function sourcesOf(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'source' && typeof inner === 'string' ? [inner] : sourcesOf(inner),
  );
}

function namesOf(doc: NinesDocument): string[] {
  return [
    doc.name,
    ...doc.variants.flatMap((v) => [
      v.name,
      ...v.nodes.map((n) => n.name ?? ''),
      // A common cause's name and the source of its figures, quoted as the file has them.
      ...(v.commonCause ?? []).flatMap((c) => [c.name, c.source ?? '']),
    ]),
    ...(doc.scenarios ?? []).map((s) => s.name),
  ].filter((name) => name !== '');
}

function planOf(name: string): { markdown: string; engine: string[] } {
  const doc = JSON.parse(readFileSync(new URL(name, TEMPLATES), 'utf8')) as NinesDocument;
  const result = buildPlan(doc, { priceBook, date: '2026-11-26' });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
  const engine = engineText(result.context);
  let markdown = writeMarkdown(result.plan);
  const cut = (texts: readonly string[], mark: string): void => {
    for (const text of [...texts].sort((a, b) => b.length - a.length)) {
      markdown = markdown.split(escapeMarkdown(text)).join(mark);
      markdown = markdown.split(text).join(mark);
    }
  };
  cut(engine, '⟨engine text⟩');
  // Names and sources are the user's words ("Active-Active, 2 regions"), printed as typed; the defaults'
  // sources quote published figures ("their SLAs (e.g. 99.99 % for multi-zone EC2)").
  cut(namesOf(doc), '⟨name⟩');
  cut(sourcesOf([NODE_DEFAULTS, LINK_DEFAULTS, MANUAL_FAILOVER_SECONDS]), '⟨source⟩');
  return { markdown, engine };
}

describe('the plan of every template follows the number rule', () => {
  it.each(names)('%s', (name) => {
    expect(numberFormatProblems(planOf(name).markdown)).toEqual([]);
  });

  it('engine text in the plans (advisor, compare, scenarios)', () => {
    const problems = names.flatMap((name) => numberFormatProblems(planOf(name).engine.join('\n')));
    expect(problems).toEqual([]);
  });
});

describe('numberFormatProblems', () => {
  it('flags what the plans printed before the shared formatter', () => {
    // Lines from the plans of v0 (before shared/text), one per rule.
    const old = [
      'Every request goes through dns (99.99900 % by its own figure)',
      'availability 99.979 % is below the target 99.99 %',
      'After the loss of use1, 40.0 % of the 20000 requests/s are served',
      'app-euw1 (1 instances × 2000 requests/s in euw1)',
      '| Region outage | survives at 100 % capacity | 90.0 min | 24.0 h |',
    ].join('\n');
    expect(numberFormatProblems(old).map((p) => `${p.rule}: ${p.match}`)).toEqual([
      'plain-space-before-unit: 99.99900 %',
      'plain-space-before-unit: 99.979 %',
      'plain-space-before-unit: 99.99 %',
      'plain-space-before-unit: 40.0 %',
      'plain-space-before-unit: 20000 requests/s',
      'plain-space-before-unit: 1 instances',
      'plain-space-before-unit: 2000 requests/s',
      'plain-space-before-unit: 100 %',
      'plain-space-before-unit: 90.0 min',
      'plain-space-before-unit: 24.0 h',
      'percent-precision: 99.99900 %',
      'percent-precision: 99.979 %',
      'percent-precision: 40.0 %',
      'duration-trailing-zero: 90.0 min',
      'duration-trailing-zero: 24.0 h',
      'ungrouped-thousands: 20000',
      'ungrouped-thousands: 2000',
      'singular-count-plural-noun: 1 instances',
    ]);
  });

  it('passes what the formatter writes', () => {
    const text = [
      'availability 99.9988\u00a0% (4.93\u00a0nines, 6.2\u00a0min/yr); 40\u00a0% and 33.33\u00a0% of requests',
      '20,000\u00a0requests/s over 3\u00a0zones; 1\u00a0instance; RTO 90\u00a0min, RPO 1.5\u00a0s; $6,665',
      'Date 2026-11-26, NIST SP 800-34 Rev. 1, instance app-use1#3, 120.0\u00a0min/yr',
    ].join('\n');
    expect(numberFormatProblems(text)).toEqual([]);
  });
});
