/**
 * Which product of `provider-actions.ts` a component is, from the model: the provider of its
 * region (of every region, for a global component), its kind and, for a data tier, its engine,
 * replication and instance type; and a command as runs, with the model's values filled in.
 */
import type { DatastoreNode, ModelNode } from '../../../model/types';
import { code, text, type Run } from '../../document';
import { blank } from '../blanks';
import type { PlanBasis } from '../context';
import {
  actionsOf,
  type CommandValue,
  type ProductActions,
  type ProductKey,
  type ProviderCommand,
} from './provider-actions';

type Provider = 'aws' | 'azure' | 'gcp';

const PROVIDERS: ReadonlySet<string> = new Set(['aws', 'azure', 'gcp']);

/** The provider of the node's region; for a global node, the one provider of every region. */
export function providerOf(ctx: PlanBasis, id: string): Provider | undefined {
  const region = ctx.graph.regionOf.get(id);
  const regions = region === undefined ? ctx.graph.regions : [region];
  const providers = new Set(
    regions.map((r) => {
      const node = ctx.graph.byId.get(r);
      return node?.kind === 'region' ? node.provider : undefined;
    }),
  );
  const [only] = [...providers];
  return providers.size === 1 && only !== undefined && PROVIDERS.has(only)
    ? (only as Provider)
    : undefined;
}

const REDIS_ENGINES: ReadonlySet<string> = new Set(['redis', 'valkey']);
const SQL_ENGINES: ReadonlySet<string> = new Set([
  'postgres',
  'postgresql',
  'mysql',
  'mariadb',
  'sqlserver',
  'sql',
]);

/** A managed cache by its name or its catalog type (ElastiCache types start with `cache.`). */
function isManagedCache(store: DatastoreNode, provider: Provider | undefined): boolean {
  const name = store.name ?? '';
  if (provider === 'aws')
    return /elasticache/i.test(name) || /^cache\./.test(store.instanceType ?? '');
  if (provider === 'azure') return /azure (cache|managed redis)/i.test(name);
  if (provider === 'gcp') return /memorystore/i.test(name);
  return false;
}

function datastoreKey(
  store: DatastoreNode,
  provider: Provider | undefined,
): ProductKey | undefined {
  const engine = (store.engine ?? 'redis').toLowerCase();
  if (REDIS_ENGINES.has(engine)) {
    if (isManagedCache(store, provider)) return `${provider as Provider}:managed-redis`;
    // Active-Active Redis is Redis Enterprise's CRDB (the only engine of the model with it).
    if (store.replication === 'active-active' || /enterprise/i.test(store.name ?? ''))
      return 'any:redis-enterprise';
    return 'any:redis';
  }
  if (SQL_ENGINES.has(engine) && provider !== undefined) return `${provider}:sql`;
  return undefined;
}

/** The product key of a component, or undefined when the table has nothing for it. */
export function productKeyOf(ctx: PlanBasis, node: ModelNode): ProductKey | undefined {
  const provider = providerOf(ctx, node.id);
  switch (node.kind) {
    case 'router': {
      if (provider === undefined) return undefined;
      if (ctx.graph.regionOf.has(node.id)) return `${provider}:regional-router`;
      return provider === 'azure' && /front door/i.test(node.name ?? '')
        ? 'azure:front-door'
        : `${provider}:global-router`;
    }
    case 'service':
    case 'queue':
      return provider === undefined ? undefined : `${provider}:tier`;
    case 'datastore':
      return datastoreKey(node, provider);
    case 'backup':
    case 'objectStore':
      return provider === undefined ? undefined : `${provider}:object-storage`;
    default:
      return undefined;
  }
}

/** The commands for a component, if the table knows its product. */
export function actionsFor(ctx: PlanBasis, node: ModelNode): ProductActions | undefined {
  return actionsOf(productKeyOf(ctx, node));
}

/** The values of the model a command can be filled with. */
export type CommandValues = Partial<Record<CommandValue, string>>;

/** A command as runs: literal text in code, model values in code, blanks for the rest. */
export function commandRuns(command: ProviderCommand, values: CommandValues = {}): Run[] {
  const runs: Run[] = [];
  for (const part of command.parts) {
    if (typeof part === 'string') runs.push(code(part));
    else if ('blank' in part) runs.push(blank(part.blank));
    else {
      const value = values[part.value];
      runs.push(value === undefined ? blank(part.hint) : code(value));
    }
  }
  // A model value next to literal text is one code span, not two that touch.
  return runs.reduce<Run[]>((merged, run) => {
    const last = merged[merged.length - 1];
    if (last?.code === true && run.code === true)
      merged[merged.length - 1] = code(last.text + run.text);
    else merged.push(run);
    return merged;
  }, []);
}

/** `lead` then the command, e.g. `Check: aws elbv2 describe-target-health …`. */
export function withCommand(
  lead: string,
  command: ProviderCommand | undefined,
  values: CommandValues = {},
): Run[] {
  return command === undefined ? [text(lead)] : [text(`${lead} `), ...commandRuns(command, values)];
}
