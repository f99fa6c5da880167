/**
 * Every mapper, in the order they run: subnets (zones) first, then tiers (which register in
 * target groups), datastores, regional load balancers (which find their tiers), global routers
 * (which find their load balancers), backup plans (which find their datastores).
 */
import { backupPlanMapper } from './aws/backup';
import {
  autoscalingGroupMapper,
  ecsServiceMapper,
  eksNodeGroupMapper,
  instanceMapper,
} from './aws/compute';
import { globalAcceleratorMapper, route53Mapper } from './aws/dns';
import { dynamodbMapper } from './aws/dynamodb';
import { elasticacheMapper } from './aws/elasticache';
import { loadBalancerMapper } from './aws/load-balancers';
import { subnetMapper } from './aws/network';
import { dbInstanceMapper, rdsClusterMapper } from './aws/rds';
import {
  azureLoadBalancerMapper,
  redisEnterpriseMapper,
  scaleSetMapper,
  trafficManagerMapper,
} from './azure/azure';
import {
  memorystoreMapper,
  regionInstanceGroupMapper,
  zonalInstanceGroupMapper,
} from './google/google';
import type { Mapper } from './mapper';

export const MAPPERS: readonly Mapper[] = [
  subnetMapper,
  autoscalingGroupMapper,
  ecsServiceMapper,
  eksNodeGroupMapper,
  instanceMapper,
  scaleSetMapper,
  regionInstanceGroupMapper,
  zonalInstanceGroupMapper,
  elasticacheMapper,
  dbInstanceMapper,
  rdsClusterMapper,
  dynamodbMapper,
  redisEnterpriseMapper,
  memorystoreMapper,
  loadBalancerMapper,
  azureLoadBalancerMapper,
  route53Mapper,
  globalAcceleratorMapper,
  trafficManagerMapper,
  backupPlanMapper,
];

/** Every Terraform type a mapper turns into nodes, and those read to place or link them. */
export const MAPPED_TYPES: readonly string[] = MAPPERS.flatMap((m) => m.types);
export const READ_TYPES: readonly string[] = [
  ...MAPPERS.flatMap((m) => m.reads ?? []),
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
];
