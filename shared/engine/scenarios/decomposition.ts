/**
 * Times with their parts: one part of an RTO or RPO (`TimePart`), how each kind is named to a
 * person, a time and the parts it is made of (`Decomposition`), and the one rule that combines
 * chains that run in parallel (`longest`).
 */
/** One part of an RTO or RPO decomposition. */
export interface TimePart {
  /** What the time is spent on. */
  readonly kind:
    | 'detection'
    | 'dns-ttl'
    | 'promotion'
    | 'warm-up'
    | 'restore'
    | 'repair'
    | 'replication-lag'
    | 'persistence-window'
    | 'backup-interval'
    | 'partition';
  /** The node (or `link:a|b`) the part belongs to. */
  readonly nodeId: string;
  /** Seconds; null when unbounded (no backup, lag that grows without limit). */
  readonly seconds: number | null;
}

/** How a time part is named to a person, in the app and in the plan. */
export const TIME_PART_LABELS: Readonly<Record<TimePart['kind'], string>> = {
  detection: 'detection',
  'dns-ttl': 'DNS TTL',
  promotion: 'promotion',
  'warm-up': 'warm-up',
  restore: 'restore',
  repair: 'repair',
  'replication-lag': 'replication lag',
  'persistence-window': 'persistence window',
  'backup-interval': 'backup interval',
  partition: 'partition',
};

/** A time with the parts it is made of: the parts of the longest chain add up to `seconds`. */
export interface Decomposition {
  /** Seconds; null when unbounded. */
  readonly seconds: number | null;
  /** The parts on the critical chain, in the order they happen. */
  readonly parts: readonly TimePart[];
}

/** The chain whose parts add up to the most (an unbounded part makes a chain unbounded). */
export function longest(chains: readonly TimePart[][], empty = 0): Decomposition {
  let best: Decomposition = { seconds: empty, parts: [] };
  for (const parts of chains) {
    if (best.seconds === null) break;
    const seconds = parts.some((p) => p.seconds === null)
      ? null
      : parts.reduce((sum, p) => sum + (p.seconds as number), 0);
    if (
      seconds === null ||
      seconds > best.seconds ||
      (best.parts.length === 0 && seconds === best.seconds)
    ) {
      best = { seconds, parts };
    }
  }
  return best;
}
