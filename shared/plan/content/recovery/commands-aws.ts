/** The runbooks' commands for AWS products, each checked against the AWS documentation. */
import type { ProductActions, ProductKey } from './command-types';

const AWS_CLI = 'https://docs.aws.amazon.com/cli/latest/reference';

/** The AWS products (Route 53, ELB, Auto Scaling, ElastiCache, RDS, S3). */
export const AWS_ACTIONS: Readonly<Partial<Record<ProductKey, ProductActions>>> = {
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
};
