/**
 * Targets from a Terraform state (`--target-by state`): the ARNs a FIS target names, or the
 * Azure resource ids a Chaos Studio `List` selector names, instead of a tag. A node's resources are those at the Terraform addresses the importer recorded in its notes
 * (`tf: ADDRESS, ADDRESS; …`, shared/import/terraform); a zone's subnets are the state's
 * `aws_subnet`s in its Availability Zone; a Region's transit gateways and subnets are those whose
 * ARN names the Region. Only the `arn` attribute Terraform records is used: an ARN is never
 * built from an id, since the account a resource lives in is not always the state's.
 */
import type { ModelNode } from '../model/types';

/** One managed resource of a Terraform state (what the importer's reader gives). */
export interface StateResource {
  /** Full address, e.g. `module.use1.aws_autoscaling_group.app[0]`. */
  readonly address: string;
  readonly type: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** The state the export reads targets from, with the file it came from (for the README). */
export interface ChaosState {
  readonly file: string;
  readonly resources: readonly StateResource[];
}

/** The Terraform resource types whose ARN each FIS resource type takes. */
const TERRAFORM_TYPES: Readonly<Record<string, readonly string[]>> = {
  'aws:ec2:instance': ['aws_instance'],
  'aws:ec2:autoscaling-group': ['aws_autoscaling_group'],
  'aws:elasticache:replicationgroup': ['aws_elasticache_replication_group'],
  'aws:ec2:subnet': ['aws_subnet'],
  'aws:ec2:transit-gateway': ['aws_ec2_transit_gateway'],
};

/** The importer's provenance prefix in a node's notes. */
const PROVENANCE = /^tf: ([^;]*)/;

/** The Terraform addresses the importer recorded for `node`, in its notes' order. */
export function provenanceAddresses(node: ModelNode): string[] {
  const match = PROVENANCE.exec(node.notes ?? '');
  return match?.[1] === undefined
    ? []
    : match[1]
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== '');
}

const arnOf = (r: StateResource): string | undefined =>
  typeof r.values.arn === 'string' && r.values.arn.startsWith('arn:') ? r.values.arn : undefined;

/** The Region field of an ARN (`arn:aws:ec2:us-east-1:…` → `us-east-1`). */
const regionOfArn = (arn: string): string | undefined => arn.split(':')[3];

/** Questions the FIS writer asks of a state; each answers ARNs, empty when the state has none. */
export interface StateIndex {
  /** ARNs of `node`'s resources (by its provenance) of the FIS `resourceType`. */
  nodeArns(node: ModelNode, resourceType: string): string[];
  /** Azure resource ids (`id`) of `node`'s resources (by its provenance) of the Terraform `types`. */
  nodeIds(node: ModelNode, types: readonly string[]): string[];
  /** ARNs of the subnets in the Availability Zone `az` (e.g. `us-east-1a`). */
  zoneSubnets(az: string): string[];
  /** ARNs of the state's resources of the FIS `resourceType` in the Region `region`. */
  regionArns(region: string, resourceType: string): string[];
}

/** The {@link StateIndex} of a state's resources. */
export function stateIndex(resources: readonly StateResource[]): StateIndex {
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const ofType = (resourceType: string) => TERRAFORM_TYPES[resourceType] ?? [];
  const unique = (arns: (string | undefined)[]) => [
    ...new Set(arns.filter((a): a is string => a !== undefined)),
  ];
  return {
    nodeArns(node, resourceType) {
      const types = ofType(resourceType);
      return unique(
        provenanceAddresses(node).map((address) => {
          const r = byAddress.get(address);
          return r && types.includes(r.type) ? arnOf(r) : undefined;
        }),
      );
    },
    nodeIds(node, types) {
      return unique(
        provenanceAddresses(node).map((address) => {
          const r = byAddress.get(address);
          const id = r?.values.id;
          return r &&
            types.includes(r.type) &&
            typeof id === 'string' &&
            id.startsWith('/subscriptions/')
            ? id
            : undefined;
        }),
      );
    },
    zoneSubnets(az) {
      return unique(
        resources
          .filter((r) => r.type === 'aws_subnet' && r.values.availability_zone === az)
          .map(arnOf),
      );
    },
    regionArns(region, resourceType) {
      const types = ofType(resourceType);
      return unique(
        resources
          .filter((r) => types.includes(r.type))
          .map(arnOf)
          .filter((arn) => arn !== undefined && regionOfArn(arn) === region),
      );
    },
  };
}
