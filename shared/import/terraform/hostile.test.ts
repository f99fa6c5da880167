/**
 * Strange input never throws and never makes an invalid design: every fixture with random
 * attribute values replaced by other JSON (null, a list, an object, a huge or negative number,
 * a long string) either imports to a design that validates or is refused with a sentence.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../schema/parse';
import { importTerraform } from './index';

const dir = join(__dirname, '__fixtures__');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));

const strange = fc.constantFrom<unknown>(
  null,
  [],
  {},
  [{}],
  'x'.repeat(300),
  -1,
  0,
  2.5,
  1e308,
  5000,
  true,
  'us-east-1',
  'arn:aws:x:eu-west-1:1:y',
);

/** Every attribute path of every resource's `values` (one level down into blocks). */
function valuePaths(json: unknown): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[], depth: number) => {
    if (depth > 12 || typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      const at = [...path, Array.isArray(node) ? Number(key) : key];
      if (path.includes('values')) paths.push(at);
      walk(child, at, depth + 1);
    }
  };
  walk(json, [], 0);
  return paths;
}

function setAt(json: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(json) as Record<string | number, unknown>;
  let node: unknown = copy;
  for (const key of path.slice(0, -1)) {
    // An earlier change may have replaced a parent: then this change has nowhere to go.
    if (typeof node !== 'object' || node === null) return copy;
    node = (node as Record<string | number, unknown>)[key];
  }
  if (typeof node === 'object' && node !== null) {
    (node as Record<string | number, unknown>)[path[path.length - 1] as string | number] = value;
  }
  return copy;
}

describe('hostile attribute values', () => {
  it.each(fixtures)('%s: any values import to a valid design or a sentence', (name) => {
    const json: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const paths = valuePaths(json);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(paths.length - 1), strange), { minLength: 1, maxLength: 6 }),
        (changes) => {
          let mutated = json;
          for (const [i, value] of changes)
            mutated = setAt(mutated, paths[i] as (string | number)[], value);
          const result = importTerraform(mutated, { withScenarios: true });
          if (result.ok) expect(parseDocument(result.document).ok).toBe(true);
          else expect(result.message).not.toMatch(/please report/);
        },
      ),
      { numRuns: 150, seed: 23 },
    );
  });
});
