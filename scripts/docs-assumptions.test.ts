/**
 * docs/availability.md, "Independent repair against a single repair crew": the table's figures
 * are computed here, the single-crew closed form is checked against its Markov chain solved
 * numerically, and the engine's 1-of-2 tier gives the independent-repair figure.
 */
import { readFileSync } from 'node:fs';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../shared/engine';
import { singleVariant } from '../shared/testing/builders';
import { formatMinutesPerYear, grouped } from '../shared/text';

const MTBF_HOURS = 2000;
const MTTR_HOURS = 4;
const MINUTES_A_YEAR = 525_600;

/** Both of two units down, each repaired on its own: (λ / (λ + μ))². */
function independentRepair(mtbfHours: number, mttrHours: number): number {
  const [lambda, mu] = [1 / mtbfHours, 1 / mttrHours];
  return (lambda / (lambda + mu)) ** 2;
}

/** Both of two units down with one repair crew, the closed form: 2λ² / (2λ² + 2λμ + μ²). */
function singleCrew(mtbfHours: number, mttrHours: number): number {
  const [lambda, mu] = [1 / mtbfHours, 1 / mttrHours];
  return (2 * lambda ** 2) / (2 * lambda ** 2 + 2 * lambda * mu + mu ** 2);
}

type States = readonly [number, number, number];

/**
 * The same chain solved numerically, without its closed form: states 0, 1, 2 failed units, its
 * steady state by uniformisation (π ← π (I + Q / Λ), Λ the fastest exit rate) from all working.
 */
function singleCrewChain(mtbfHours: number, mttrHours: number): States {
  const [lambda, mu] = [1 / mtbfHours, 1 / mttrHours];
  const rate = mu + lambda;
  let pi: States = [1, 0, 0];
  for (let step = 0; step < 10_000; step++) {
    const [p0, p1, p2] = pi;
    const next: States = [
      p0 * (1 - (2 * lambda) / rate) + (p1 * mu) / rate,
      (p0 * 2 * lambda) / rate + p1 * (1 - (mu + lambda) / rate) + (p2 * mu) / rate,
      (p1 * lambda) / rate + p2 * (1 - mu / rate),
    ];
    const change = Math.max(...next.map((x, i) => Math.abs(x - (pi[i] ?? 0))));
    pi = next;
    if (change < 1e-20) break;
  }
  return pi;
}

/** The engine's unavailability of a tier of 2 instances, 1 needed, and nothing else. */
function engineTier(mtbfHours: number, mttrHours: number): number {
  const doc = singleVariant('app', [
    { id: 'app', kind: 'service', instances: 2, minHealthy: 1, mtbfHours, mttrHours },
  ]);
  const variant = evaluate(doc).variants[0];
  if (!variant?.availability) throw new Error('no availability evaluated');
  return variant.availability.unavailability.requestWeighted;
}

const row = (label: string, u: number) => [
  label,
  u.toExponential(3),
  formatMinutesPerYear(u * MINUTES_A_YEAR, { digits: 2 }).replaceAll('\u00a0', ' '),
];

/** The table between the `assumptions:repair` markers of docs/availability.md, as cells. */
function documentedTable(): string[][] {
  const text = readFileSync(new URL('../docs/availability.md', import.meta.url), 'utf8');
  const start = text.indexOf('<!-- assumptions:repair');
  const end = text.indexOf('<!-- end of assumptions:repair -->');
  expect(start).toBeGreaterThan(0);
  const table = marked
    .lexer(text.slice(text.indexOf('\n', start) + 1, end))
    .find((t): t is Tokens.Table => t.type === 'table');
  if (!table) throw new Error('no table between the assumptions:repair markers');
  return [table.header, ...table.rows].map((cells) => cells.map((c) => c.text));
}

describe('independent repair against a single repair crew (docs/availability.md)', () => {
  const independent = independentRepair(MTBF_HOURS, MTTR_HOURS);
  const crew = singleCrew(MTBF_HOURS, MTTR_HOURS);
  const slowerRepair = MTTR_HOURS * Math.SQRT2;

  it('has the closed forms’ figures', () => {
    // q = 4 / 2,004; q² and 2λ² / (2λ² + 2λμ + μ²) by hand.
    expect(independent).toBeCloseTo((4 / 2004) ** 2, 18);
    expect(crew).toBeCloseTo(5e-7 / 0.0627505, 18);
    expect(crew / independent).toBeCloseTo(2, 4);
  });

  it('agrees with the single-crew chain solved numerically', () => {
    const [p0, p1, p2] = singleCrewChain(MTBF_HOURS, MTTR_HOURS);
    expect(p0 + p1 + p2).toBeCloseTo(1, 12);
    expect(Math.abs(p2 - crew) / crew).toBeLessThan(1e-9);
  });

  it('is what the engine gives a 1-of-2 tier: the independent-repair figure', () => {
    expect(Math.abs(engineTier(MTBF_HOURS, MTTR_HOURS) - independent) / independent).toBeLessThan(
      1e-12,
    );
    expect(engineTier(MTBF_HOURS, slowerRepair)).toBeCloseTo(
      independentRepair(MTBF_HOURS, slowerRepair),
      18,
    );
    // MTTR × √2 comes within 0.2 % of the single crew.
    expect(Math.abs(independentRepair(MTBF_HOURS, slowerRepair) / crew - 1)).toBeLessThan(0.002);
  });

  it('is the table in the doc', () => {
    expect(documentedTable()).toEqual([
      [
        `two units, MTBF ${grouped(MTBF_HOURS, 0)} h, MTTR ${MTTR_HOURS} h`,
        'unavailability',
        'downtime',
      ],
      row('independent repair (Nines)', independent),
      row('a single repair crew', crew),
      row(
        `independent repair with MTTR × √2 (${grouped(slowerRepair, 2)} h)`,
        independentRepair(MTBF_HOURS, slowerRepair),
      ),
    ]);
  });
});
