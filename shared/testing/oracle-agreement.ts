/**
 * The engine's structural answer beside the brute-force oracle's for one small document: what
 * the property tests of each modelling construct compare (unavailability to 1e-12, the same
 * minimal cut sets).
 */
import { expect } from 'vitest';
import { evaluate } from '../engine';
import { parseDocument } from '../schema/parse';
import type { NinesDocument } from '../model/types';
import { bruteForce, CycleError } from './oracle';

/** How the engine and the oracle agree on the first variant of a document. */
export interface StructuralAgreement {
  /** |U_structural(engine) − U(oracle)|. */
  readonly difference: number;
  /** The engine's minimal cut sets (order ≤ 3), each sorted by name, sorted as strings. */
  readonly engineCutSets: readonly string[][];
  /** The oracle's, in the same order. */
  readonly oracleCutSets: readonly string[][];
}

/**
 * Evaluates the first variant of `doc` with the engine and by enumeration; undefined when the
 * model has a dependency cycle (the engine reports it, the oracle refuses it).
 */
export function structuralAgreement(doc: NinesDocument): StructuralAgreement | undefined {
  let oracle;
  try {
    oracle = bruteForce(doc);
  } catch (error) {
    if (error instanceof CycleError) return undefined;
    throw error;
  }
  const v = evaluate(doc).variants[0];
  const a = v?.availability;
  if (!a) throw new Error(`not evaluated: ${JSON.stringify(v?.issues)}`);
  return {
    difference: Math.abs(a.unavailability.structural - oracle.unavailability),
    engineCutSets: (v?.cutSets ?? [])
      .map((c) => [...c.events].sort())
      .sort((x, y) => x.join(',').localeCompare(y.join(','))),
    oracleCutSets: oracle.cutSets,
  };
}

/**
 * One step of a property test: `doc` is a valid document and, unless it has a dependency cycle,
 * the engine agrees with the oracle (unavailability to 1e-12, the same cut sets). Answers
 * whether the two were compared.
 */
export function expectOracleAgreement(doc: NinesDocument): boolean {
  const parsed = parseDocument(doc);
  expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  const agreement = structuralAgreement(doc);
  if (!agreement) return false;
  expect(agreement.difference).toBeLessThan(1e-12);
  expect(agreement.engineCutSets).toEqual(agreement.oracleCutSets);
  return true;
}
