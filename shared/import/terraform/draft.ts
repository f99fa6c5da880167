/** Making a draft node from a resource: its id hint, its display name and its placement. */
import type { DraftKind, DraftNode, ImportContext } from './context';
import { sanitizeId } from './placement';
import type { TfResource } from './types';

/**
 * The id a node of `r` would like: `prefix-name`, then the module names and the instance key
 * (`module.use1.aws_lb.api[0]` with prefix `lb` → `lb-api-use1-0`).
 */
export function idHint(prefix: string, r: TfResource): string {
  const modules = [...r.module.matchAll(/module\.([^.[]+)(?:\[([^\]]*)\])?/g)].flatMap((m) =>
    m[2] === undefined ? [m[1] ?? ''] : [m[1] ?? '', m[2].replace(/"/g, '')],
  );
  const parts = [prefix, r.name, ...modules, ...(r.index === undefined ? [] : [String(r.index)])];
  return sanitizeId(
    parts
      .filter((p) => p !== '')
      .join('-')
      .replace(/_/g, '-'),
  );
}

/** Node options a mapper gives. */
export interface DraftSpec {
  readonly kind: DraftKind;
  readonly prefix: string;
  readonly name: string;
  readonly provider: DraftNode['provider'];
  readonly region?: string;
  readonly zones?: DraftNode['zones'];
  readonly fields?: Record<string, unknown>;
  /** More addresses that make the node (grouped instances). */
  readonly addresses?: readonly string[];
}

/** Node options of a resource placed in a region: the region is resolved from the resource. */
export type RegionalSpec = Omit<DraftSpec, 'region'>;

/**
 * Adds the node `r` makes in its region (`ctx.region`, which warns when it cannot resolve one):
 * undefined when the region is unresolved. `spec` may be built from the region (zone names).
 */
export function regionalNode(
  ctx: ImportContext,
  r: TfResource,
  spec: RegionalSpec | ((region: string) => RegionalSpec),
): (DraftNode & { readonly region: string }) | undefined {
  const where = ctx.region(r);
  if (!where) return undefined;
  const own = typeof spec === 'function' ? spec(where.region) : spec;
  const node = draftNode(ctx, r, { ...own, region: where.region }, where.fromDefault);
  return node as DraftNode & { readonly region: string };
}

/** Adds the node `r` makes to `ctx`; a region from `--default-region` is recorded as assumed. */
export function draftNode(
  ctx: ImportContext,
  r: TfResource,
  spec: DraftSpec,
  fromDefaultRegion = false,
): DraftNode {
  const node = ctx.add({
    key: r.address,
    addresses: [...new Set([r.address, ...(spec.addresses ?? [])])],
    kind: spec.kind,
    idHint: idHint(spec.prefix, r),
    name: spec.name.slice(0, 200),
    provider: spec.provider,
    ...(spec.region === undefined ? {} : { region: spec.region }),
    ...(spec.zones === undefined ? {} : { zones: spec.zones }),
    fields: { ...(spec.fields ?? {}) },
    notes: [],
  });
  if (fromDefaultRegion && spec.region) {
    ctx.assumptions.push({
      key: node.key,
      field: 'parent',
      value: spec.region,
      why: 'no region in Terraform: --default-region',
    });
    node.notes.push(`assumed region ${spec.region} (--default-region)`);
  }
  return node;
}
