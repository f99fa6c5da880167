/**
 * Reads prose back against the precision rule of docs/conventions.md and lists every number
 * that breaks it: a unit after a plain space instead of U+00A0, a percentage with a precision
 * the rule never gives (3 or 5+ decimals, or a trailing zero short of availability's 4), a
 * duration with a trailing `.0`, a count of 1,000 or more without a thousands separator, and a
 * count of 1 with a plural noun ("1 instances"). For tests; the plan's test runs it on every
 * template.
 */

/** One number that breaks the rule, with the rule's name and a little context. */
export interface NumberFormatProblem {
  readonly rule:
    | 'plain-space-before-unit'
    | 'percent-precision'
    | 'duration-trailing-zero'
    | 'ungrouped-thousands'
    | 'singular-count-plural-noun';
  readonly match: string;
  readonly context: string;
}

/** Units and counted nouns the formatter writes after a number. */
const UNITS = [
  '%',
  'ms',
  's',
  'min',
  'h',
  'd',
  'min/yr',
  'nines',
  'B',
  'KiB',
  'MiB',
  'GiB',
  'TiB',
  'GB',
  'MB/s',
  'Mbit/s',
  'requests/s',
  'writes/s',
  'requests per second',
  'writes per second',
];
const NOUNS = [
  'instance',
  'zone',
  'region',
  'target',
  'check',
  'day',
  'hour',
  'component',
  'global component',
  'scenario',
  'copy',
  'replica',
  'member',
  'request',
  'write',
  'byte',
  'variant',
];
const PLURALS = NOUNS.map((n) =>
  n.endsWith('y') && n !== 'day' ? `${n.slice(0, -1)}ies` : `${n}s`,
);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternatives = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

/** A number as the formatter writes it (grouped, optional decimals), not inside a word or id. */
const NUMBER = String.raw`(?<![\w.,#\-/:])\d(?:[\d,]*\d)?(?:\.\d+)?`;
const AFTER = String.raw`(?![\w/])`;

const RULES: readonly { rule: NumberFormatProblem['rule']; pattern: RegExp }[] = [
  {
    rule: 'plain-space-before-unit',
    pattern: new RegExp(
      `${NUMBER} (?:${alternatives([...UNITS, ...NOUNS, ...PLURALS])})${AFTER}`,
      'gu',
    ),
  },
  {
    // Availability has exactly 4 decimals, a share at most 2 without a trailing zero.
    rule: 'percent-precision',
    pattern: new RegExp(
      String.raw`${NUMBER.replace(String.raw`(?:\.\d+)?`, '')}\.(?:\d{3}|\d{5,}|\d?0)[ \u00a0]%`,
      'gu',
    ),
  },
  {
    rule: 'duration-trailing-zero',
    pattern: new RegExp(String.raw`${NUMBER}\.0[ \u00a0](?:ms|s|min|h|d)${AFTER}`, 'gu'),
  },
  {
    // 4+ digits in a row, not part of a date (2026-11-26), a version or an identifier.
    rule: 'ungrouped-thousands',
    pattern: /(?<![\w.,#\-/:$])\$?\d{4,}(?![\d\-/:]|\.\d)/gu,
  },
  {
    rule: 'singular-count-plural-noun',
    pattern: new RegExp(
      String.raw`(?<![\w.,])1[ \u00a0](?:${alternatives(PLURALS)})(?![\w])`,
      'gu',
    ),
  },
];

/** Every number in `text` that breaks the rule, in order of the rules then of the text. */
export function numberFormatProblems(text: string): NumberFormatProblem[] {
  const problems: NumberFormatProblem[] = [];
  for (const { rule, pattern } of RULES) {
    for (const m of text.matchAll(pattern)) {
      const at = m.index;
      problems.push({
        rule,
        match: m[0],
        context: text.slice(Math.max(0, at - 40), at + m[0].length + 20).replace(/\n/g, ' '),
      });
    }
  }
  return problems;
}
