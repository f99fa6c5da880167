/** The runbooks' commands for Redis software that runs anywhere (open source and Redis Enterprise). */
import type { ProductActions, ProductKey } from './command-types';

const RS_CLI = 'https://redis.io/docs/latest/operate/rs/references/cli-utilities';

/** Redis and Redis Enterprise software, on any provider. */
export const REDIS_ACTIONS: Readonly<Partial<Record<ProductKey, ProductActions>>> = {
  'any:redis': {
    product: 'Redis',
    checkRole: {
      parts: ['redis-cli -h ', { blank: 'host' }, ' ROLE'],
      expect: 'master on the promoted member',
      source: 'https://redis.io/docs/latest/commands/role/',
    },
    failoverInRegion: {
      parts: ['redis-cli -h ', { blank: 'standby host' }, ' REPLICAOF NO ONE'],
      source: 'https://redis.io/docs/latest/commands/replicaof/',
    },
    failoverAcrossRegions: {
      parts: ['redis-cli -h ', { blank: 'standby host' }, ' REPLICAOF NO ONE'],
      source: 'https://redis.io/docs/latest/commands/replicaof/',
    },
    rejoinAsReplica: {
      parts: [
        'redis-cli -h ',
        { blank: 'old primary host' },
        ' REPLICAOF ',
        { blank: 'new primary host and port' },
      ],
      source: 'https://redis.io/docs/latest/commands/replicaof/',
    },
  },
  'any:redis-enterprise': {
    product: 'Redis Enterprise',
    checkRole: {
      parts: ['rladmin status shards'],
      expect: 'every slot range has a healthy master shard on a node of a surviving zone',
      source: `${RS_CLI}/rladmin/status/`,
    },
    failoverInRegion: {
      parts: ['rladmin failover db ', { blank: 'database' }, ' shard ', { blank: 'shard ids' }],
      source: `${RS_CLI}/rladmin/failover/`,
    },
    removeMember: {
      parts: [
        'crdb-cli crdb remove-instance --crdb-guid ',
        { blank: 'database GUID' },
        ' --instance-id ',
        { blank: 'instance id' },
        ' --force',
      ],
      source: `${RS_CLI}/crdb-cli/crdb/remove-instance/`,
    },
    rejoinMember: {
      parts: [
        'crdb-cli crdb add-instance --crdb-guid ',
        { blank: 'database GUID' },
        ' --instance fqdn=',
        { blank: 'cluster FQDN' },
        ',username=',
        { blank: 'user' },
        ',password=',
        { blank: 'password' },
      ],
      source: `${RS_CLI}/crdb-cli/crdb/add-instance/`,
    },
    restore: {
      parts: ['POST /v1/bdbs/', { blank: 'database uid' }, '/actions/import'],
      source:
        'https://redis.io/docs/latest/operate/rs/references/rest-api/requests/bdbs/actions/import/',
    },
  },
};
