/**
 * Looking resources up and reading their attributes. Every attribute the importer uses goes
 * through {@link attr}, which refuses what Terraform marks sensitive, so only the attributes a
 * mapper names (its whitelist) are ever read and no secret reaches the design.
 *
 * Links between resources are found by value (an id or ARN known in a state) or, when a plan
 * does not know the value yet, by the configuration's `references` (Terraform JSON output,
 * "Expression Representation": `"references": ["aws_subnet.a.id", "aws_subnet.a"]`).
 */
import { configAddress } from './read';
import type { TfResource, TfValues } from './types';

const isObject = (v: unknown): v is TfValues =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The values at `path` in `values`, nested blocks (JSON arrays of objects) flattened: for
 * `['health_check', 'interval']` every block's `interval`. Sensitive values (marked `true` in
 * `sensitive` at the same place) are left out.
 */
function valuesAt(values: unknown, sensitive: unknown, path: readonly string[]): unknown[] {
  if (sensitive === true) return [];
  if (path.length === 0) return values === undefined || values === null ? [] : [values];
  if (Array.isArray(values)) {
    return values.flatMap((v, i) =>
      valuesAt(v, Array.isArray(sensitive) ? sensitive[i] : undefined, path),
    );
  }
  if (!isObject(values)) return [];
  const [head, ...rest] = path as [string, ...string[]];
  const inner = isObject(sensitive) ? sensitive[head] : undefined;
  return valuesAt(values[head], inner, rest);
}

/** Every known, non-sensitive value at `path` (a dotted attribute path) of `r`, lists flattened. */
export function attrs(r: TfResource, path: string): unknown[] {
  return valuesAt(r.values, r.sensitive, path.split('.')).flatMap((v) =>
    Array.isArray(v) ? v : [v],
  );
}

/** The first known, non-sensitive value at `path`, if any. */
export function attr(r: TfResource, path: string): unknown {
  return valuesAt(r.values, r.sensitive, path.split('.'))[0];
}

export function str(r: TfResource, path: string): string | undefined {
  const v = attr(r, path);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function num(r: TfResource, path: string): number | undefined {
  const v = attr(r, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function bool(r: TfResource, path: string): boolean | undefined {
  const v = attr(r, path);
  return typeof v === 'boolean' ? v : undefined;
}

export function strings(r: TfResource, path: string): string[] {
  return attrs(r, path).filter((v): v is string => typeof v === 'string' && v !== '');
}

/** The references of the configuration expression at `path` (plans only). */
function referencesAt(r: TfResource, path: readonly string[]): string[] {
  const walk = (node: unknown, rest: readonly string[]): string[] => {
    if (Array.isArray(node)) return node.flatMap((n) => walk(n, rest));
    if (!isObject(node)) return [];
    if (rest.length === 0) {
      return Array.isArray(node.references)
        ? node.references.filter((x): x is string => typeof x === 'string')
        : [];
    }
    const [head, ...tail] = rest as [string, ...string[]];
    return walk(node[head], tail);
  };
  return r.config ? walk(r.config.expressions, path) : [];
}

/** Every resource of a state or plan, looked up by address, id, ARN and name. */
export class ResourceIndex {
  readonly all: readonly TfResource[];
  private readonly byAddress = new Map<string, TfResource>();
  private readonly byConfigAddress = new Map<string, TfResource[]>();
  private readonly byKey = new Map<string, TfResource[]>();
  private readonly byType = new Map<string, TfResource[]>();

  constructor(resources: readonly TfResource[]) {
    this.all = resources;
    for (const r of resources) {
      this.byAddress.set(r.address, r);
      this.byType.set(r.type, [...(this.byType.get(r.type) ?? []), r]);
      const config = configAddress(r.address);
      this.byConfigAddress.set(config, [...(this.byConfigAddress.get(config) ?? []), r]);
      for (const key of [
        'id',
        'arn',
        'name',
        'replication_group_id',
        'cluster_identifier',
        'dns_name',
      ]) {
        const value = str(r, key);
        if (value !== undefined) this.add(`${key}:${value}`, r);
      }
    }
  }

  private add(key: string, r: TfResource): void {
    this.byKey.set(key, [...(this.byKey.get(key) ?? []), r]);
  }

  /** The resources of `type` in file order. */
  ofType(...types: readonly string[]): TfResource[] {
    if (types.length === 1) return this.byType.get(types[0] as string) ?? [];
    return this.all.filter((r) => types.includes(r.type));
  }

  /** The resources whose attribute `key` (`id`, `arn`, `name`…) equals `value`. */
  withKey(key: string, value: string, types?: readonly string[]): TfResource[] {
    const found = this.byKey.get(`${key}:${value}`) ?? [];
    return types ? found.filter((r) => types.includes(r.type)) : found;
  }

  /**
   * The resources a reference made in `from`'s module names: `aws_subnet.a.id` → the resource
   * `aws_subnet.a` (every instance when it has `count`), `aws_subnet.a[1].id` → that instance.
   */
  referenced(from: TfResource, reference: string): TfResource[] {
    if (reference.startsWith('var.') || reference.startsWith('local.')) return [];
    const prefix = from.module === '' ? '' : `${from.module}.`;
    const parts = reference.split('.');
    for (let n = parts.length; n >= 2; n -= 1) {
      const address = prefix + parts.slice(0, n).join('.');
      const exact = this.byAddress.get(address);
      if (exact) return [exact];
      const all = this.byConfigAddress.get(configAddress(address));
      if (all && !address.includes('[')) return all;
    }
    return [];
  }

  /**
   * The resources of `types` that attribute `path` of `r` names, by their attribute `key`
   * (`id` or `arn`, …) when the value is known, else through the configuration's references.
   * Duplicates are removed; file order of the references is kept.
   */
  linked(r: TfResource, path: string, key: string, types: readonly string[]): TfResource[] {
    const found: TfResource[] = [];
    const push = (x: TfResource) => {
      if (types.includes(x.type) && !found.includes(x)) found.push(x);
    };
    for (const value of strings(r, path)) for (const x of this.withKey(key, value, types)) push(x);
    if (found.length > 0) return found;
    for (const ref of referencesAt(r, path.split('.'))) {
      for (const x of this.referenced(r, ref)) push(x);
    }
    return found;
  }
}
