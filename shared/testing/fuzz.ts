/**
 * Mutation fuzzing of project files: the bundled templates, each changed a few times (a key
 * deleted, a value replaced by random JSON or an extreme number, an array element duplicated,
 * a number set to an extreme, two ids swapped, the text truncated or random characters inserted), then run through
 * parse → evaluate. `checkPipeline` throws on anything but a clean refusal or sane results.
 */
import fc from 'fast-check';
import type { PriceBook } from '../catalog/price-book';
import { evaluate } from '../engine';
import { buildPlan } from '../plan/content/build-plan';
import { checkDocument } from '../plan/outline';
import { writeMarkdown } from '../plan/markdown/write-markdown';
import { parseDocumentText } from '../schema/parse';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** One change to a template's JSON value; `at` picks a place modulo the number of candidates. */
export type Mutation =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'number'; readonly at: number; readonly value: number }
  | { readonly kind: 'duplicate'; readonly at: number }
  | { readonly kind: 'swap-ids'; readonly at: number; readonly other: number };

/** One change to the text once written. */
export type TextMutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string };

/** Numbers at the edges of what the schema accepts and of what a double holds. */
const extremeNumber = fc.constantFrom(
  0,
  -1,
  1,
  0.5,
  1 - 1e-16,
  1e-300,
  5e-324,
  999,
  1000,
  1001,
  2 ** 31,
  1e9,
  1e300,
  1.7976931348623157e308,
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    value: fc.oneof(extremeNumber, fc.jsonValue({ maxDepth: 2 })),
  }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), value: extremeNumber }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-ids' as const), at: fc.nat(), other: fc.nat() }),
);

const textMutationArb: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ unit: 'binary', maxLength: 8 }),
  }),
);

/** A template (by index) with one to three mutations, and a text mutation one time in four. */
export const fuzzCaseArb = fc.record({
  template: fc.nat(),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
  textMutation: fc.option(textMutationArb, { freq: 3 }),
});

export type FuzzCase = typeof fuzzCaseArb extends fc.Arbitrary<infer T> ? T : never;

/** The text of `templates[c.template]` after the case's mutations. */
export function mutatedText(templates: readonly string[], c: FuzzCase): string {
  const source = templates[c.template % templates.length] as string;
  const value = JSON.parse(source) as Json;
  let root = value;
  for (const m of c.mutations) root = mutate(root, m);
  const text = JSON.stringify(root, null, 2);
  const t = c.textMutation;
  if (t === null) return text;
  const at = t.at % (text.length + 1);
  return t.kind === 'truncate' ? text.slice(0, at) : text.slice(0, at) + t.text + text.slice(at);
}

function mutate(root: Json, m: Mutation): Json {
  const places = pathsOf(root);
  if (m.kind === 'swap-ids') {
    const ids = places.filter((p) => p.at(-1) === 'id' && typeof get(root, p) === 'string');
    if (ids.length < 2) return root;
    const a = ids[m.at % ids.length] as Path;
    const b = ids[m.other % ids.length] as Path;
    const va = get(root, a);
    return set(set(root, a, get(root, b)), b, va);
  }
  if (m.kind === 'duplicate') {
    const arrays = places.filter((p) => Array.isArray(get(root, p)));
    const p = arrays[m.at % Math.max(1, arrays.length)];
    const array = p && (get(root, p) as Json[]);
    if (!p || !array || array.length === 0) return root;
    const i = m.at % array.length;
    return set(root, p, [
      ...array.slice(0, i + 1),
      structuredClone(array[i] as Json),
      ...array.slice(i + 1),
    ]);
  }
  if (m.kind === 'number') {
    const numbers = places.filter((p) => typeof get(root, p) === 'number');
    const p = numbers[m.at % Math.max(1, numbers.length)];
    return p ? set(root, p, m.value) : root;
  }
  const inner = places.filter((p) => p.length > 0);
  const p = inner[m.at % Math.max(1, inner.length)];
  if (!p) return root;
  if (m.kind === 'replace') return set(root, p, structuredClone(m.value) as Json);
  const parent = get(root, p.slice(0, -1));
  const key = p.at(-1) as string | number;
  if (Array.isArray(parent))
    return set(
      root,
      p.slice(0, -1),
      parent.filter((_, i) => i !== key),
    );
  const copy = { ...(parent as Record<string, Json>) };
  delete copy[key];
  return set(root, p.slice(0, -1), copy);
}

/** Every path in `value`, the root included, in document order. */
function pathsOf(value: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  }
  return out;
}

function get(root: Json, path: Path): Json {
  let value = root;
  for (const key of path) value = (value as Record<string | number, Json>)[key] as Json;
  return value;
}

/** A copy of `root` with the value at `path` replaced (copying only the objects on the path). */
function set(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...Path];
  const child = set((root as Record<string | number, Json>)[key] as Json, rest, value);
  if (Array.isArray(root)) return root.map((v, i) => (i === key ? child : v));
  return { ...(root as Record<string, Json>), [key]: child };
}

/** What one case came to: refused with problems, evaluated, or evaluated and its plan built. */
export type Outcome = 'refused' | 'evaluated' | 'planned';

/**
 * Parses `text` and, when it is valid, evaluates it with `priceBook`, and with `withPlan` builds
 * its contingency plan (a well-formed plan document, or engine issues) and writes it as
 * Markdown. Throws (failing the property) when anything throws, when a refusal has no located
 * problem, or when a result is out of range: availabilities and probabilities outside [0, 1],
 * minutes, seconds or costs that are negative or not finite.
 */
export function checkPipeline(text: string, priceBook: PriceBook, withPlan = false): Outcome {
  const parsed = parseDocumentText(text);
  if (!parsed.ok) {
    if (parsed.problems.length === 0) throw new Error('refused without a problem');
    for (const p of parsed.problems) {
      if (p.path === '' || p.message === '')
        throw new Error(`problem without place: ${JSON.stringify(p)}`);
    }
    return 'refused';
  }
  const report = evaluate(parsed.document, undefined, { priceBook });
  for (const v of report.variants) {
    const at = (what: string) => `variant ${v.id}: ${what}`;
    const a = v.availability;
    if (a) {
      probability(at('requestWeighted'), a.requestWeighted);
      probability(at('structural'), a.structural);
      probability(at('unavailability.requestWeighted'), a.unavailability.requestWeighted);
      probability(at('unavailability.structural'), a.unavailability.structural);
      probability(at('unavailability.transition'), a.unavailability.transition);
      amount(at('unavailability.capacity'), a.unavailability.capacity);
      amount(at('downtimeMinutesPerYear'), a.downtimeMinutesPerYear);
      amount(at('structuralMinutesPerYear'), a.structuralMinutesPerYear);
      amount(at('transitionMinutesPerYear'), a.transitionMinutesPerYear);
      amount(at('capacityMinutesPerYear'), a.capacityMinutesPerYear);
      if (a.nines !== null) amount(at('nines'), a.nines);
    }
    for (const c of v.cutSets) probability(at(`cut set ${c.events.join('+')}`), c.probability);
    for (const i of v.importance) {
      probability(at(`birnbaum ${i.event}`), i.birnbaum);
      // Fussell–Vesely is a ratio of probabilities: allow its rounding error.
      probability(at(`fussellVesely ${i.event}`), i.fussellVesely, ROUNDING);
    }
    if (v.cost) {
      amount(at('cost.monthly'), v.cost.monthly);
      if (v.cost.expectedDowntimeCostPerYear !== null) {
        amount(at('cost.expectedDowntimeCostPerYear'), v.cost.expectedDowntimeCostPerYear);
      }
    }
    for (const s of v.scenarios) {
      probability(at(`scenario ${s.id} capacityShare`), s.capacityShare);
      if (s.rtoSeconds !== null) amount(at(`scenario ${s.id} rtoSeconds`), s.rtoSeconds);
      if (s.rpoSeconds !== null) amount(at(`scenario ${s.id} rpoSeconds`), s.rpoSeconds);
    }
  }
  if (!withPlan) return 'evaluated';
  const plan = buildPlan(parsed.document, { priceBook, date: '2026-11-26' });
  if (!plan.ok) {
    if (plan.issues.length === 0) throw new Error('plan refused without an issue');
    return 'planned';
  }
  const problems = checkDocument(plan.plan);
  if (problems.length > 0)
    throw new Error(`plan document: ${JSON.stringify(problems.slice(0, 3))}`);
  if (writeMarkdown(plan.plan).length === 0) throw new Error('empty Markdown plan');
  return 'planned';
}

/** Rounding error allowed on a difference of two probabilities. */
const ROUNDING = 1e-12;

function probability(what: string, x: number, tolerance = 0): void {
  if (!(x >= -tolerance && x <= 1 + tolerance)) throw new Error(`${what} = ${x}, not in [0, 1]`);
}

function amount(what: string, x: number): void {
  if (!(Number.isFinite(x) && x >= 0)) throw new Error(`${what} = ${x}, not a finite number ≥ 0`);
}
