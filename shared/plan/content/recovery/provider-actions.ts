/**
 * What an operator types, per provider and kind of component: one table keyed by
 * `provider:component`, each command checked against the provider's documentation (its `source`).
 * Resource names the model cannot know (an Auto Scaling group, a health-check id) are blanks the
 * plan owner fills in once; values the model knows (the instance count to scale to) are filled
 * from it. A product without a command for an operation has none here: the runbook then says what
 * to do in words and names no command, rather than invent one.
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

const AWS_CLI = 'https://docs.aws.amazon.com/cli/latest/reference';
const AZ_CLI = 'https://learn.microsoft.com/cli/azure';
const GCLOUD = 'https://cloud.google.com/sdk/gcloud/reference';
const RS_CLI = 'https://redis.io/docs/latest/operate/rs/references/cli-utilities';

/** Every product the runbooks know, by key. */
export const PROVIDER_ACTIONS: Readonly<Partial<Record<ProductKey, ProductActions>>> = {
  'aws:global-router': {
    product: 'Amazon Route 53',
    checkTargets: {
      parts: [
        'aws route53 get-health-check-status --health-check-id ',
        { blank: 'health check id' },
      ],
      expect: 'Failure from the checkers of the failed endpoint',
      source: `${AWS_CLI}/route53/get-health-check-status.html`,
    },
    takeTargetOut: {
      // An inverted health check is unhealthy while its endpoint is healthy, so Route 53 stops
      // answering with that record (Route 53 Developer Guide, "Inverting health checks").
      parts: [
        'aws route53 update-health-check --health-check-id ',
        { blank: 'health check id' },
        ' --inverted',
      ],
      source: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-invert.html',
    },
  },
  'aws:regional-router': {
    product: 'Elastic Load Balancing',
    checkTargets: {
      parts: [
        'aws elbv2 describe-target-health --target-group-arn ',
        { blank: 'target group ARN' },
      ],
      expect: 'State healthy for every surviving target and none for the failed ones',
      source: `${AWS_CLI}/elbv2/describe-target-health.html`,
    },
    takeTargetOut: {
      parts: [
        'aws elbv2 deregister-targets --target-group-arn ',
        { blank: 'target group ARN' },
        ' --targets Id=',
        { blank: 'instance id' },
      ],
      source: `${AWS_CLI}/elbv2/deregister-targets.html`,
    },
    takeZoneOut: {
      parts: [
        'aws arc-zonal-shift start-zonal-shift --resource-identifier ',
        { blank: 'load balancer ARN' },
        ' --away-from ',
        { blank: 'zone id (e.g. use1-az1)' },
        ' --expires-in ',
        { blank: 'how long' },
        ' --comment ',
        { blank: 'incident id' },
      ],
      source: 'https://docs.aws.amazon.com/r53recovery/latest/dg/getting-started-cli.html',
    },
  },
  'aws:tier': {
    product: 'Amazon EC2 Auto Scaling',
    checkCapacity: {
      parts: [
        'aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names ',
        { blank: 'Auto Scaling group' },
      ],
      expect: 'the instances InService and Healthy',
      source: `${AWS_CLI}/autoscaling/describe-auto-scaling-groups.html`,
    },
    setCapacity: {
      parts: [
        'aws autoscaling set-desired-capacity --auto-scaling-group-name ',
        { blank: 'Auto Scaling group' },
        ' --desired-capacity ',
        { value: 'count', hint: 'instance count' },
      ],
      source: `${AWS_CLI}/autoscaling/set-desired-capacity.html`,
    },
  },
  'aws:managed-redis': {
    product: 'Amazon ElastiCache',
    checkRole: {
      parts: [
        'aws elasticache describe-replication-groups --replication-group-id ',
        { blank: 'replication group' },
      ],
      expect: 'CurrentRole primary on a node outside the failed site',
      source:
        'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Replication.ViewDetails.CLI.html',
    },
    testFailover: {
      parts: [
        'aws elasticache test-failover --replication-group-id ',
        { blank: 'replication group' },
        ' --node-group-id ',
        { blank: 'shard id' },
      ],
      source: `${AWS_CLI}/elasticache/test-failover.html`,
    },
    failoverAcrossRegions: {
      parts: [
        'aws elasticache failover-global-replication-group --global-replication-group-id ',
        { blank: 'global datastore' },
        ' --primary-region ',
        { value: 'region', hint: 'new primary region' },
        ' --primary-replication-group-id ',
        { blank: 'replication group there' },
      ],
      source: `${AWS_CLI}/elasticache/failover-global-replication-group.html`,
    },
    restore: {
      parts: [
        'aws elasticache create-replication-group --replication-group-id ',
        { blank: 'new replication group' },
        ' --replication-group-description ',
        { blank: 'description' },
        ' --snapshot-name ',
        { blank: 'snapshot' },
      ],
      source: `${AWS_CLI}/elasticache/create-replication-group.html`,
    },
  },
  'aws:sql': {
    product: 'Amazon RDS',
    failoverInRegion: {
      parts: [
        'aws rds reboot-db-instance --db-instance-identifier ',
        { blank: 'DB instance' },
        ' --force-failover',
      ],
      source: `${AWS_CLI}/rds/reboot-db-instance.html`,
    },
    failoverAcrossRegions: {
      parts: [
        'aws rds promote-read-replica --db-instance-identifier ',
        { blank: 'replica DB instance' },
      ],
      source: `${AWS_CLI}/rds/promote-read-replica.html`,
    },
    restore: {
      parts: [
        'aws rds restore-db-instance-to-point-in-time --source-db-instance-identifier ',
        { blank: 'DB instance' },
        ' --target-db-instance-identifier ',
        { blank: 'new DB instance' },
        ' --restore-time ',
        { blank: 'time before the corruption' },
      ],
      source: `${AWS_CLI}/rds/restore-db-instance-to-point-in-time.html`,
    },
  },
  'aws:object-storage': {
    product: 'Amazon S3',
    restore: {
      parts: [
        'aws s3 cp s3://',
        { blank: 'bucket/key of the backup' },
        ' ',
        { blank: 'data directory' },
        '/dump.rdb',
      ],
      source: `${AWS_CLI}/s3/cp.html`,
    },
  },
  'azure:global-router': {
    product: 'Azure Traffic Manager',
    checkTargets: {
      parts: [
        'az network traffic-manager endpoint show --name ',
        { blank: 'endpoint' },
        ' --profile-name ',
        { blank: 'profile' },
        ' --resource-group ',
        { blank: 'resource group' },
        ' --type azureEndpoints --query endpointMonitorStatus',
      ],
      expect: 'Degraded for the failed endpoint and Online for the others',
      source: `${AZ_CLI}/network/traffic-manager/endpoint`,
    },
    takeTargetOut: {
      parts: [
        'az network traffic-manager endpoint update --name ',
        { blank: 'endpoint' },
        ' --profile-name ',
        { blank: 'profile' },
        ' --resource-group ',
        { blank: 'resource group' },
        ' --type azureEndpoints --endpoint-status Disabled',
      ],
      source: `${AZ_CLI}/network/traffic-manager/endpoint#az-network-traffic-manager-endpoint-update`,
    },
  },
  'azure:front-door': {
    product: 'Azure Front Door',
    takeTargetOut: {
      parts: [
        'az afd origin update --origin-name ',
        { blank: 'origin' },
        ' --origin-group-name ',
        { blank: 'origin group' },
        ' --profile-name ',
        { blank: 'profile' },
        ' --resource-group ',
        { blank: 'resource group' },
        ' --enabled-state Disabled',
      ],
      source: `${AZ_CLI}/afd/origin`,
    },
  },
  'azure:regional-router': {
    product: 'Azure Load Balancer',
    checkTargets: {
      parts: [
        'az monitor metrics list --resource ',
        { blank: 'load balancer resource id' },
        ' --metric DipAvailability',
      ],
      expect: 'a health probe status of 100 for the surviving back ends and 0 for the failed ones',
      source:
        'https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-network-loadbalancers-metrics',
    },
  },
  'azure:tier': {
    product: 'Azure Virtual Machine Scale Sets',
    checkCapacity: {
      parts: [
        'az vmss list-instances --resource-group ',
        { blank: 'resource group' },
        ' --name ',
        { blank: 'scale set' },
      ],
      expect: 'the instances Succeeded and running',
      source: `${AZ_CLI}/vmss#az-vmss-list-instances`,
    },
    setCapacity: {
      parts: [
        'az vmss scale --resource-group ',
        { blank: 'resource group' },
        ' --name ',
        { blank: 'scale set' },
        ' --new-capacity ',
        { value: 'count', hint: 'instance count' },
      ],
      source: `${AZ_CLI}/vmss#az-vmss-scale`,
    },
  },
  'azure:managed-redis': {
    product: 'Azure Cache for Redis',
    // Passive geo-replication fails over from the portal only: "Initiate a failover from
    // geo-primary to geo-secondary" (no CLI command is documented), so none is given here.
    restore: {
      parts: [
        'az redis import --name ',
        { blank: 'cache' },
        ' --resource-group ',
        { blank: 'resource group' },
        ' --files ',
        { blank: 'blob SAS URL of the RDB file' },
      ],
      source: `${AZ_CLI}/redis#az-redis-import`,
    },
  },
  'azure:sql': {
    product: 'Azure SQL Database',
    failoverAcrossRegions: {
      parts: [
        'az sql failover-group set-primary --name ',
        { blank: 'failover group' },
        ' --resource-group ',
        { blank: 'resource group' },
        ' --server ',
        { blank: 'secondary server' },
        ' --allow-data-loss',
      ],
      source: `${AZ_CLI}/sql/failover-group#az-sql-failover-group-set-primary`,
    },
    restore: {
      parts: [
        'az sql db restore --dest-name ',
        { blank: 'new database' },
        ' --name ',
        { blank: 'database' },
        ' --resource-group ',
        { blank: 'resource group' },
        ' --server ',
        { blank: 'server' },
        ' --time ',
        { blank: 'time before the corruption' },
      ],
      source: `${AZ_CLI}/sql/db#az-sql-db-restore`,
    },
  },
  'gcp:global-router': {
    product: 'Cloud Load Balancing',
    checkTargets: {
      parts: [
        'gcloud compute backend-services get-health ',
        { blank: 'backend service' },
        ' --global',
      ],
      expect: 'HEALTHY for the surviving back ends and UNHEALTHY for the failed ones',
      source: `${GCLOUD}/compute/backend-services/get-health`,
    },
    takeTargetOut: {
      // A capacity scaler of 0 drains the back end (gcloud reference, update-backend).
      parts: [
        'gcloud compute backend-services update-backend ',
        { blank: 'backend service' },
        ' --instance-group=',
        { blank: 'instance group' },
        ' --instance-group-region=',
        { value: 'region', hint: 'region' },
        ' --capacity-scaler=0 --global',
      ],
      source: `${GCLOUD}/compute/backend-services/update-backend`,
    },
  },
  'gcp:regional-router': {
    product: 'Cloud Load Balancing (regional)',
    checkTargets: {
      parts: [
        'gcloud compute backend-services get-health ',
        { blank: 'backend service' },
        ' --region=',
        { value: 'region', hint: 'region' },
      ],
      expect: 'HEALTHY for the surviving instances and UNHEALTHY for the failed ones',
      source: `${GCLOUD}/compute/backend-services/get-health`,
    },
  },
  'gcp:tier': {
    product: 'Compute Engine managed instance groups',
    checkCapacity: {
      parts: [
        'gcloud compute instance-groups managed list-instances ',
        { blank: 'instance group' },
        ' --region=',
        { value: 'region', hint: 'region' },
      ],
      expect: 'the instances RUNNING',
      source: `${GCLOUD}/compute/instance-groups/managed/list-instances`,
    },
    setCapacity: {
      parts: [
        'gcloud compute instance-groups managed resize ',
        { blank: 'instance group' },
        ' --size=',
        { value: 'count', hint: 'instance count' },
        ' --region=',
        { value: 'region', hint: 'region' },
      ],
      source: `${GCLOUD}/compute/instance-groups/managed/resize`,
    },
  },
  'gcp:managed-redis': {
    product: 'Memorystore for Redis',
    failoverInRegion: {
      parts: [
        'gcloud redis instances failover ',
        { blank: 'instance' },
        ' --region=',
        { value: 'region', hint: 'region' },
      ],
      source: `${GCLOUD}/redis/instances/failover`,
    },
    testFailover: {
      parts: [
        'gcloud redis instances failover ',
        { blank: 'instance' },
        ' --region=',
        { value: 'region', hint: 'region' },
        ' --data-protection-mode=limited-data-loss',
      ],
      source: 'https://cloud.google.com/memorystore/docs/redis/initiate-manual-failover',
    },
    restore: {
      parts: [
        'gcloud redis instances import gs://',
        { blank: 'bucket/file.rdb' },
        ' ',
        { blank: 'instance' },
        ' --region=',
        { value: 'region', hint: 'region' },
      ],
      source: `${GCLOUD}/redis/instances/import`,
    },
  },
  'gcp:sql': {
    product: 'Cloud SQL',
    failoverInRegion: {
      parts: ['gcloud sql instances failover ', { blank: 'instance' }],
      source: `${GCLOUD}/sql/instances/failover`,
    },
    failoverAcrossRegions: {
      parts: ['gcloud sql instances promote-replica ', { blank: 'replica instance' }],
      source: `${GCLOUD}/sql/instances/promote-replica`,
    },
    restore: {
      parts: [
        'gcloud sql backups restore ',
        { blank: 'backup id' },
        ' --restore-instance=',
        { blank: 'instance' },
      ],
      source: `${GCLOUD}/sql/backups/restore`,
    },
  },
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

/** The commands of `key`, if the table knows the product. */
export function actionsOf(key: ProductKey | undefined): ProductActions | undefined {
  return key === undefined ? undefined : PROVIDER_ACTIONS[key];
}
