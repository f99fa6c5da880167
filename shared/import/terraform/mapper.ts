/** The shape of a mapper: the Terraform types it reads and how it turns them into nodes. */
import type { ImportContext } from './context';
import type { TfResource } from './types';

export interface Mapper {
  /** Types that make nodes, in the order the mapper wants them. */
  readonly types: readonly string[];
  /** Types read only to place or link nodes (subnets, target groups, health checks…). */
  readonly reads?: readonly string[];
  /** Maps every resource of `types` (file order). */
  map(resources: readonly TfResource[], ctx: ImportContext): void;
}
