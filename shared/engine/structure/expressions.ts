/**
 * The expression DAG while it is built: each gate is interned once (equal gates are one id),
 * constants are folded, and the arguments of AND and OR are kept sorted and unique. Ids 0 and 1
 * are the constants false and true; every other id's arguments are smaller than itself.
 */
import type { Expr } from './types';

/** The constant false. */
export const FALSE = 0;
/** The constant true. */
export const TRUE = 1;

/** A basic event's leaf: its `event` is renumbered once the variable order is known. */
export interface EventLeaf {
  readonly op: 'event';
  event: number;
}

/** The expressions of one structure, in creation order. */
export class Expressions {
  /** Every expression by id. */
  readonly list: Expr[] = [
    { op: 'const', value: false },
    { op: 'const', value: true },
  ];
  private readonly ids = new Map<string, number>();

  /** The expression `id`. */
  get(id: number): Expr {
    return this.list[id] as Expr;
  }

  /** Adds a basic event's leaf (one per event); its id. */
  leaf(leaf: EventLeaf): number {
    this.list.push(leaf);
    return this.list.length - 1;
  }

  /** The event index in the leaf `id` (before the structure's renumbering). */
  eventOf(id: number): number {
    return (this.list[id] as EventLeaf).event;
  }

  private intern(key: string, make: () => Expr): number {
    const found = this.ids.get(key);
    if (found !== undefined) return found;
    const id = this.list.length;
    this.list.push(make());
    this.ids.set(key, id);
    return id;
  }

  /** All of `args` true. */
  and(args: readonly number[]): number {
    if (args.length === 2) return this.and2(args[0] as number, args[1] as number);
    if (args.includes(FALSE)) return FALSE;
    const kept = sortedUnique(args, TRUE);
    if (kept.length === 0) return TRUE;
    if (kept.length === 1) return kept[0] as number;
    return this.intern(`and:${kept.join(',')}`, () => ({ op: 'and', args: kept }));
  }

  /** `and([a, b])`, the most frequent gate (an instance and its zone), without arrays. */
  private and2(a: number, b: number): number {
    if (a === FALSE || b === FALSE) return FALSE;
    if (a === TRUE || a === b) return b;
    if (b === TRUE) return a;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    return this.intern(`and:${lo},${hi}`, () => ({ op: 'and', args: [lo, hi] }));
  }

  /** Any of `args` true. */
  or(args: readonly number[]): number {
    if (args.includes(TRUE)) return TRUE;
    const kept = sortedUnique(args, FALSE);
    if (kept.length === 0) return FALSE;
    if (kept.length === 1) return kept[0] as number;
    return this.intern(`or:${kept.join(',')}`, () => ({ op: 'or', args: kept }));
  }

  /** At least k of `args` true; constants are folded. Duplicate args keep their multiplicity. */
  atLeast(k: number, args: readonly number[]): number {
    const trues = args.filter((a) => a === TRUE).length;
    const rest = args.filter((a) => a !== TRUE && a !== FALSE);
    const need = k - trues;
    if (need <= 0) return TRUE;
    if (need > rest.length) return FALSE;
    if (need === rest.length) return this.and(rest);
    if (need === 1) return this.or(rest);
    // What every argument needs comes out of the k-of-n: at least k of (Aᵢ ∧ C) is
    // C ∧ at least k of Aᵢ. Tiers behind a router that all need the same datastores keep the
    // threshold over their own events only, and its diagram small.
    const conjuncts = rest.map((a) => {
      const e = this.get(a);
      return e.op === 'and' ? e.args : [a];
    });
    const common = (conjuncts[0] as readonly number[]).filter((c) =>
      conjuncts.every((cs) => cs.includes(c)),
    );
    if (common.length > 0) {
      const shared = new Set(common);
      return this.and([
        ...common,
        this.atLeast(
          need,
          conjuncts.map((cs) => this.and(cs.filter((c) => !shared.has(c)))),
        ),
      ]);
    }
    return this.intern(`atLeast:${need}:${rest.join(',')}`, () => ({
      op: 'atLeast',
      k: need,
      args: rest,
    }));
  }
}

/** The ids of `args` other than `skip`, ascending, each once. */
function sortedUnique(args: readonly number[], skip: number): number[] {
  const kept = args.filter((a) => a !== skip).sort((a, b) => a - b);
  let n = 0;
  for (const a of kept) if (n === 0 || a !== kept[n - 1]) kept[n++] = a;
  kept.length = n;
  return kept;
}
