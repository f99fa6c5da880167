/** The resolution rules of docs/import.md, one small input each. */
import { describe, expect, it } from 'vitest';
import { scheduleSeconds } from './aws/backup';
import { importTerraform, type ImportOptions } from './index';
import { regionId, regionOfArn, regionOfZone, zoneSuffix } from './placement';

const aws = 'registry.terraform.io/hashicorp/aws';
const res = (
  address: string,
  values: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => {
  const [type, name] = address
    .replace(/^module\.[^.]+\./, '')
    .replace(/\[.*\]$/, '')
    .split('.');
  return { address, mode: 'managed', type, name, provider_name: aws, values, ...extra };
};
const state = (resources: unknown[], childModules: unknown[] = []) => ({
  format_version: '1.0',
  values: { root_module: { resources, child_modules: childModules } },
});

function run(json: unknown, options: ImportOptions = {}) {
  const result = importTerraform(json, options);
  if (!result.ok) throw new Error(result.message);
  const nodes = result.document.variants[0]?.nodes ?? [];
  return { ...result, nodes, node: (id: string) => nodes.find((n) => n.id === id) };
}

describe('names and places', () => {
  it('reads zones, ARNs and region ids', () => {
    expect(regionOfZone('us-east-1a')).toBe('us-east-1');
    expect(regionOfZone('us-central1-f')).toBe('us-central1');
    expect(regionOfZone('westeurope')).toBeUndefined();
    expect(regionOfArn('arn:aws:elasticache:eu-west-1:1:replicationgroup:x')).toBe('eu-west-1');
    expect(regionOfArn('arn:aws:iam::1:role/x')).toBeUndefined();
    expect([regionId('us-east-1'), regionId('ap-southeast-2'), regionId('westeurope')]).toEqual([
      'use1',
      'apse2',
      'westeurope',
    ]);
    expect([
      zoneSuffix('us-east-1a', 'us-east-1'),
      zoneSuffix('westeurope-2', 'westeurope'),
    ]).toEqual(['a', 'z2']);
  });

  it('reads AWS Backup schedules', () => {
    expect(scheduleSeconds('cron(0 12 * * ? *)')).toBe(86_400);
    expect(scheduleSeconds('cron(0 * * * ? *)')).toBe(3600);
    expect(scheduleSeconds('cron(0 5 ? * SUN *)')).toBe(7 * 86_400);
    expect(scheduleSeconds('rate(12 hours)')).toBe(12 * 3600);
    expect(scheduleSeconds('cron(0 5 1 * ? *)')).toBeUndefined();
  });
});

describe('the region of a resource', () => {
  const asg = (values: Record<string, unknown>, extra = {}) =>
    res('aws_autoscaling_group.app', { min_size: 2, desired_capacity: 2, ...values }, extra);

  it('takes the resource region first, then the ARN, then the zone', () => {
    expect(
      run(state([asg({ region: 'eu-west-1', arn: 'arn:aws:autoscaling:us-east-1:1:x' })])).node(
        'euw1',
      ),
    ).toBeDefined();
    expect(
      run(state([asg({ arn: 'arn:aws:autoscaling:us-east-1:1:x' })])).node('use1'),
    ).toBeDefined();
    expect(
      run(state([asg({ availability_zones: [], availability_zone: 'sa-east-1a' })])).node('sae1'),
    ).toBeDefined();
  });

  it('in a plan, a resource region wins over its provider alias', () => {
    const plan = {
      format_version: '1.2',
      planned_values: { root_module: { resources: [asg({ region: 'us-west-2' })] } },
      configuration: {
        provider_config: {
          'aws.euw1': {
            name: 'aws',
            alias: 'euw1',
            expressions: { region: { constant_value: 'eu-west-1' } },
          },
        },
        root_module: {
          resources: [
            {
              address: 'aws_autoscaling_group.app',
              provider_config_key: 'aws.euw1',
              expressions: {},
            },
          ],
        },
      },
    };
    expect(run(plan).node('usw2')).toBeDefined();
    const noRegion = { ...plan, planned_values: { root_module: { resources: [asg({})] } } };
    expect(run(noRegion).node('euw1')).toBeDefined();
  });

  it('uses --default-region as an assumption, and skips with a warning without it', () => {
    const placed = run(state([asg({}), res('aws_db_instance.db', { region: 'us-east-1' })]), {
      defaultRegion: 'ca-central-1',
    });
    expect(placed.node('asg-app')?.parent).toBe('cac1');
    expect(placed.report.assumed).toContainEqual(
      expect.objectContaining({ node: 'asg-app', field: 'parent', value: 'ca-central-1' }),
    );
    const skipped = run(state([asg({}), res('aws_db_instance.db', { region: 'us-east-1' })]));
    expect(skipped.node('asg-app')).toBeUndefined();
    expect(skipped.report.warnings.map((w) => w.code)).toContain('region-unresolved');
    expect(skipped.report.skipped).toEqual([{ type: 'aws_autoscaling_group', count: 1 }]);
  });
});

describe('tiers', () => {
  it('makes one tier of the instances of a count block, placed by their zones', () => {
    const instances = [0, 1, 2].map((i) =>
      res(
        `aws_instance.web[${i}]`,
        {
          region: 'us-east-1',
          instance_type: 't3.large',
          availability_zone: `us-east-1${'ab'[i % 2]}`,
        },
        { index: i },
      ),
    );
    const r = run(state(instances));
    expect(r.node('ec2-web')).toMatchObject({
      instances: 3,
      instanceType: 't3.large',
      parent: 'use1',
    });
  });

  it('names a node by its module path and warns about shards', () => {
    const r = run(
      state(
        [],
        [
          {
            address: 'module.cache',
            resources: [
              res('module.cache.aws_elasticache_replication_group.main', {
                region: 'us-east-1',
                replication_group_id: 'c',
                num_node_groups: 3,
                replicas_per_node_group: 1,
                automatic_failover_enabled: true,
              }),
            ],
          },
        ],
      ),
    );
    expect(r.node('redis-main-cache')).toMatchObject({
      instances: 6,
      replication: 'primary-replica',
      autoFailover: true,
    });
    expect(r.report.warnings.map((w) => w.code)).toEqual(['sharded-approximation']);
  });

  it('places a tier spanning one zone in that zone', () => {
    const r = run(
      state([
        res('aws_subnet.a', { id: 's-a', region: 'us-east-1', availability_zone: 'us-east-1a' }),
        res('aws_subnet.b', { id: 's-b', region: 'us-east-1', availability_zone: 'us-east-1b' }),
        res('aws_autoscaling_group.app', {
          region: 'us-east-1',
          min_size: 1,
          desired_capacity: 2,
          vpc_zone_identifier: ['s-b'],
        }),
      ]),
    );
    expect(r.node('asg-app')?.parent).toBe('use1-b');
  });

  it('never reads an attribute Terraform marks sensitive', () => {
    const r = run(
      state([
        res(
          'aws_db_instance.db',
          { region: 'us-east-1', identifier: 'top-secret-name', engine: 'postgres' },
          { sensitive_values: { identifier: true } },
        ),
      ]),
    );
    expect(JSON.stringify(r.document)).not.toContain('top-secret-name');
    expect(r.node('db-db')?.name).toBe('RDS db');
  });
});
