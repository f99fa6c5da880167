/**
 * What an operator types, per provider and kind of component: one table keyed by
 * `provider:component`, each command checked against the provider's documentation (its `source`).
 * Resource names the model cannot know (an Auto Scaling group, a health-check id) are blanks the
 * plan owner fills in once; values the model knows (the instance count to scale to) are filled
 * from it. A product without a command for an operation has none here: the runbook then says what
 * to do in words and names no command, rather than invent one.
 */

import { AWS_ACTIONS } from './commands-aws';
import { AZURE_ACTIONS } from './commands-azure';
import { GCP_ACTIONS } from './commands-gcp';
import { REDIS_ACTIONS } from './commands-redis';
import type { ProductActions, ProductKey } from './command-types';

export type {
  CommandPart,
  CommandValue,
  ComponentClass,
  ProductActions,
  ProductKey,
  ProviderCommand,
} from './command-types';

/** Every product the runbooks know, by key. */
export const PROVIDER_ACTIONS: Readonly<Partial<Record<ProductKey, ProductActions>>> = {
  ...AWS_ACTIONS,
  ...AZURE_ACTIONS,
  ...GCP_ACTIONS,
  ...REDIS_ACTIONS,
};

/** The commands of `key`, if the table knows the product. */
export function actionsOf(key: ProductKey | undefined): ProductActions | undefined {
  return key === undefined ? undefined : PROVIDER_ACTIONS[key];
}
