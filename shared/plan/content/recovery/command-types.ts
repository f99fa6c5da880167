/**
 * The shapes of the runbooks' command table (provider-actions.ts): a command made of literal
 * text, values the model fills in and blanks the plan owner fills in, and the operations a
 * product may offer.
 */

/** A value of the model a command needs: the instance count to scale to, a region or a zone. */
export type CommandValue = 'count' | 'region' | 'zone';

/**
 * A piece of a command: literal text; a value filled from the model (a blank with the hint when
 * the model lacks it); or a blank the plan owner fills in (its hint).
 */
export type CommandPart =
  string | { readonly value: CommandValue; readonly hint: string } | { readonly blank: string };

/** One command with what it shows when it worked, and where it was checked. */
export interface ProviderCommand {
  readonly parts: readonly CommandPart[];
  /** What the output shows when all is well, a noun phrase: `master on the promoted member`. */
  readonly expect?: string;
  /** The provider documentation the command and its flags were checked against. */
  readonly source: string;
}

/** The commands of one product; every operation is optional. */
export interface ProductActions {
  /** The product as people name it, e.g. `Amazon Route 53`. */
  readonly product: string;
  /** Routers: show whether a failed target is out of rotation. */
  readonly checkTargets?: ProviderCommand;
  /** Routers: take a target out of rotation by hand. */
  readonly takeTargetOut?: ProviderCommand;
  /** Regional routers: move the traffic away from one zone by hand. */
  readonly takeZoneOut?: ProviderCommand;
  /** Tiers: list the instances and their state. */
  readonly checkCapacity?: ProviderCommand;
  /** Tiers: set the instance count (the `count` value). */
  readonly setCapacity?: ProviderCommand;
  /** Data tiers: show which member is primary. */
  readonly checkRole?: ProviderCommand;
  /** Data tiers: promote a replica in the same region. */
  readonly failoverInRegion?: ProviderCommand;
  /** Data tiers: promote the member of another region. */
  readonly failoverAcrossRegions?: ProviderCommand;
  /** Data tiers: a failover for a drill, on a healthy group. */
  readonly testFailover?: ProviderCommand;
  /** Data tiers: restore a backup. */
  readonly restore?: ProviderCommand;
  /** Active-Active: drop a member whose region does not come back. */
  readonly removeMember?: ProviderCommand;
  /** Active-Active: bring a dropped member back (after purging it on its own cluster). */
  readonly rejoinMember?: ProviderCommand;
  /** Old primary: make it a replica of the new primary. */
  readonly rejoinAsReplica?: ProviderCommand;
}

/** The kinds of component a runbook acts on. */
export type ComponentClass =
  | 'global-router'
  | 'front-door'
  | 'regional-router'
  | 'tier'
  | 'managed-redis'
  | 'sql'
  | 'object-storage';

/** The key of a product: `aws:tier`, or `any:redis` for software that runs anywhere. */
export type ProductKey =
  `${'aws' | 'azure' | 'gcp'}:${ComponentClass}` | 'any:redis' | 'any:redis-enterprise';
