/**
 * Reading a project file: JSON text → migrated → schema-checked → invariant-checked document.
 * Every problem is reported with its JSON path; nothing is half-loaded.
 */
import * as z from './zod';
import type { $ZodIssue } from 'zod/v4/core';
import { checkInvariants, type Problem } from '../model/invariants';
import type { NinesDocument } from '../model/types';
import { once } from './fields';
import { formatPath, MAX_DEPTH, MAX_LISTED_PROBLEMS, parseJsonText } from './json-text';
import { migrate } from './migrations';
import { documentSchema, edgeKinds } from './nines-v1';

export { formatPath, MAX_DEPTH, MAX_FILE_CHARS, MAX_LISTED_PROBLEMS } from './json-text';

/** A document and the migration steps applied to reach it, or every problem found. */
export type ParseResult =
  { ok: true; document: NinesDocument; migrated: string[] } | { ok: false; problems: Problem[] };

/**
 * Parses the text of a `*.nines.json` file (a UTF-8 byte order mark is ignored) with
 * {@link parseJsonText}: the size limit is checked before anything else, so an oversized file
 * costs no parsing; UTF-16 text (decoded as UTF-8) and NUL characters are named as such rather
 * than reported as broken JSON; a key given twice is refused at its second occurrence.
 */
export function parseDocumentText(text: string): ParseResult {
  const json = parseJsonText(text);
  if (!json.ok) {
    return {
      ok: false,
      problems: json.problems.map(({ path, message }) => ({ path, message })),
    };
  }
  return parseDocument(json.value);
}

/** Validates an already-parsed JSON value as a project document. */
export function parseDocument(value: unknown): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('(document)', 'must be a JSON object with "format": "nines/1"');
  }
  const shape = walk(value);
  if (shape.depth > MAX_DEPTH) {
    return fail('(document)', `nested more than ${MAX_DEPTH} levels deep`);
  }
  // JSON.parse keeps "__proto__" as an own key, but copying it into a new object (as schema
  // records do) would set that object's prototype: refuse it wherever it is.
  if (shape.protoKeys.length > 0) {
    return {
      ok: false,
      problems: capped(
        shape.protoKeys.map((path) => ({
          path: formatPath(path),
          message: 'unknown field',
        })),
      ),
    };
  }
  const migrated = migrate(value as Record<string, unknown>);
  if (!migrated.ok) return fail('format', migrated.message);

  const checked = documentSchema.safeParse(migrated.raw);
  if (!checked.success) {
    const problems = checked.error.issues.flatMap((issue) => describeIssue(issue, migrated.raw));
    return {
      ok: false,
      problems: capped([
        ...problems,
        ...salvagedInvariants(migrated.raw, checked.error.issues, problems),
      ]),
    };
  }
  const problems = checkInvariants(checked.data);
  if (problems.length > 0) return { ok: false, problems: capped(problems) };
  return { ok: true, document: checked.data, migrated: migrated.applied };
}

/** Formats a problem as one line: `path: message`. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}: ${problem.message}`;
}

/**
 * When the schema refuses some fields, the references and cycles elsewhere in the file are still
 * worth reporting in the same run: drop each refused field and check the invariants of what is
 * left, as long as the skeleton they need (ids, kinds, edge ends) is intact.
 */
function salvagedInvariants(
  raw: Record<string, unknown>,
  issues: readonly $ZodIssue[],
  already: readonly Problem[],
): Problem[] {
  // raw came from JSON, so a JSON round trip is an exact deep copy.
  const copy = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
  for (const issue of issues) {
    const keys =
      issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const path of keys) dropField(copy, path);
  }
  if (!skeletonSchema().safeParse(copy).success) return [];
  const reported = new Set(already.map((p) => p.path));
  return checkInvariants(copy as NinesDocument).filter((p) => !reported.has(p.path));
}

/**
 * What the invariants need of a document, built at the first salvage rather than when the parser
 * loads: most runs never salvage.
 */
const skeletonSchema = once(() =>
  z.looseObject({
    variants: z.array(
      z.looseObject({
        entry: z.string(),
        nodes: z.array(z.looseObject({ id: z.string(), kind: z.string() })),
        // The invariants read an edge's kind to choose its rules: an unknown one stops the salvage.
        edges: z.array(
          z.looseObject({ from: z.string(), to: z.string(), kind: z.enum(edgeKinds) }),
        ),
      }),
    ),
  }),
);

/** Deletes the object field nearest to `path` (a bad array element drops its whole array). */
function dropField(root: unknown, path: readonly PropertyKey[]): void {
  let last = path.length - 1;
  while (last >= 0 && typeof path[last] !== 'string') last -= 1;
  const key = path[last];
  if (last < 0 || key === 'kind' || typeof key !== 'string') return;
  let target: unknown = root;
  for (const step of path.slice(0, last)) {
    if (typeof target !== 'object' || target === null) return;
    target = (target as Record<PropertyKey, unknown>)[step];
  }
  if (typeof target === 'object' && target !== null)
    delete (target as Record<string, unknown>)[key];
}

/**
 * The first {@link MAX_LISTED_PROBLEMS} problems, then `(document): and N more problems` when
 * there are more: a file with a million bad fields gets a report a person can read.
 */
function capped(problems: Problem[]): Problem[] {
  const more = problems.length - MAX_LISTED_PROBLEMS;
  if (more <= 0) return problems;
  return [
    ...problems.slice(0, MAX_LISTED_PROBLEMS),
    { path: '(document)', message: `and ${more} more problem${more === 1 ? '' : 's'}` },
  ];
}

function fail(path: string, message: string): ParseResult {
  return { ok: false, problems: [{ path, message }] };
}

function describeIssue(issue: $ZodIssue, raw: unknown): Problem[] {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        message: 'unknown field',
      }));
    case 'invalid_type':
      if (valueAt(raw, issue.path) === undefined) return [{ path, message: 'is required' }];
      return [
        {
          path,
          message: issue.message.startsWith('Invalid input')
            ? `must be ${article(issue.expected)}`
            : issue.message,
        },
      ];
    case 'invalid_value':
      return [
        {
          path,
          message: `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`,
        },
      ];
    default:
      return [{ path, message: issue.message }];
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** The nesting depth of a JSON value and the paths of its `__proto__` keys. */
function walk(value: unknown): { depth: number; protoKeys: PropertyKey[][] } {
  // Iterative so that a hostile, deeply nested file cannot overflow the stack here.
  let deepest = 0;
  const protoKeys: PropertyKey[][] = [];
  const stack: Array<[unknown, PropertyKey[]]> = [[value, []]];
  while (stack.length > 0) {
    const [item, path] = stack.pop() as [unknown, PropertyKey[]];
    if (path.at(-1) === '__proto__') protoKeys.push(path);
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, path.length + 1);
    if (deepest > MAX_DEPTH) break;
    // Children pushed last first, so that they are visited (and reported) in file order.
    for (const [key, child] of Object.entries(item).reverse()) {
      stack.push([child, [...path, Array.isArray(item) ? Number(key) : key]]);
    }
  }
  return { depth: deepest, protoKeys };
}
