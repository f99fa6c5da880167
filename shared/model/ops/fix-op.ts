/**
 * The advisor's fix operations as data (`FixOp`): serialisable, kept in a finding, previewed and
 * applied by `applyFix` (`fixes.ts`, the door of the fixes).
 */

/** A serialisable model operation proposed by the advisor. */
export type FixOp =
  /** Place a tier in a region (its instances spread over the region's zones) with `instances`. */
  | {
      readonly kind: 'spread-tier';
      readonly nodeId: string;
      readonly regionId: string;
      readonly instances: number;
    }
  /** Set a tier's instance count (its `minHealthy` is kept). */
  | { readonly kind: 'scale-tier'; readonly nodeId: string; readonly instances: number }
  /** Point the consumer's `depends` edge at another member of the same replication group. */
  | {
      readonly kind: 'use-local-member';
      readonly consumerId: string;
      readonly dependencyId: string;
      readonly memberId: string;
    }
  /**
   * Copy the dependency into the consumer's region under `newId` (with its own dependencies;
   * a datastore copy replicates from the original) and point the consumer at the copy.
   */
  | {
      readonly kind: 'add-local-copy';
      readonly consumerId: string;
      readonly dependencyId: string;
      readonly regionId: string;
      readonly newId: string;
    }
  /** Make the replication of these datastores asynchronous (`sync: false`). */
  | { readonly kind: 'set-async'; readonly nodeIds: readonly string[] }
  /** Set the bandwidth of the link between regions `a` and `b`, Mbit/s. */
  | {
      readonly kind: 'set-link-bandwidth';
      readonly a: string;
      readonly b: string;
      readonly bandwidthMbps: number;
    }
  /**
   * Add a backup `backupId` that backs up the datastore, every `intervalSeconds` (absent: daily,
   * the documented default), kept 7 days, placed in `regionId` (absent: global, like the
   * datastore).
   */
  | {
      readonly kind: 'add-backup';
      readonly datastoreId: string;
      readonly backupId: string;
      readonly regionId?: string;
      readonly intervalSeconds?: number;
    }
  /** Set a backup's interval, seconds. */
  | {
      readonly kind: 'set-backup-interval';
      readonly backupId: string;
      readonly intervalSeconds: number;
    }
  /** Set a backup's restore throughput, MB/s. */
  | {
      readonly kind: 'set-restore-throughput';
      readonly backupId: string;
      readonly restoreThroughputMBps: number;
    }
  /** Give the datastore a witness (quorum) in a third location. */
  | { readonly kind: 'set-witness'; readonly nodeId: string }
  /** Turn on automatic failover of these datastores. */
  | { readonly kind: 'set-auto-failover'; readonly nodeIds: readonly string[] }
  /**
   * Stage a common cause region by region (rollouts one region at a time): the cause becomes one
   * cause per region it affects, `<id>-<region>`, each with its MTBF and MTTR (`stageCommonCause`).
   */
  | { readonly kind: 'stage-common-cause'; readonly causeId: string }
  /**
   * Roll the planned maintenance of tier `nodeId` one instance at a time (`maintenance.rolling`)
   * with `instances` instances (its `minHealthy` is kept): one more than it needs, so that the
   * instance a window takes out can be spared.
   */
  | { readonly kind: 'roll-maintenance'; readonly nodeId: string; readonly instances: number }
  /**
   * Add a second DNS provider beside router `routerId` (`addDnsProvider`): a router `newId` with
   * the same targets, routing and availability figure, and a resolver-side choice `resolverId`
   * between the two that takes the router's place (the entry, its consumers' edges).
   */
  | {
      readonly kind: 'add-dns-provider';
      readonly routerId: string;
      readonly newId: string;
      readonly resolverId: string;
    };
