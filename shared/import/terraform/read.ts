/**
 * Reading `terraform show -json` output: which kind it is (state or plan; anything else is
 * refused with what it looks like), its `format_version` (1.x only), and every managed resource
 * of `root_module` and each `child_modules` level, flattened, with its configuration and its
 * provider configuration's region when the input is a plan.
 *
 * Sources: Terraform "JSON Output Format" (developer.hashicorp.com/terraform/internals/json-format):
 * a state is `{ format_version, terraform_version, values }`, a plan has `planned_values` and
 * `configuration`; minor format versions only add fields, a major change must be refused.
 */
import type { TfConfigResource, TfResource, TfSourceKind, TfValues } from './types';

/** The resources of a show-json document and where they came from, or why it was refused. */
export type ReadResult =
  | {
      readonly ok: true;
      readonly kind: TfSourceKind;
      readonly formatVersion: string;
      readonly terraformVersion?: string;
      readonly resources: readonly TfResource[];
    }
  | { readonly ok: false; readonly message: string };

const isObject = (v: unknown): v is TfValues =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const objectsOf = (v: unknown): TfValues[] => (Array.isArray(v) ? v.filter(isObject) : []);
const stringOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `registry.terraform.io/hashicorp/aws` → `aws`. */
function providerShortName(full: string | undefined): string {
  if (!full) return '';
  return full.split('/').pop() ?? full;
}

/** What a JSON object that is not show-json output looks like, in words. */
function notShowJson(doc: TfValues): string {
  if ('resource' in doc || 'provider' in doc || 'terraform' in doc || 'module' in doc) {
    return 'this is a Terraform configuration (.tf.json), not the output of `terraform show -json`: run `terraform show -json` on a state or a saved plan and import that';
  }
  if ('lineage' in doc && 'serial' in doc && 'resources' in doc) {
    return 'this is a raw state file (terraform.tfstate): run `terraform show -json` to turn it into the documented JSON format and import that';
  }
  if ('provider_schemas' in doc) {
    return 'this is `terraform providers schema -json` output, not a state or a plan';
  }
  if ('format' in doc && typeof doc.format === 'string' && doc.format.startsWith('nines/')) {
    return 'this is already a Nines design: open it instead of importing it';
  }
  return 'not the output of `terraform show -json` (no "format_version")';
}

/**
 * Checks a parsed JSON value as `terraform show -json` output and flattens its resources.
 * Data sources (`mode: data`) are left out; resources are returned in file order, modules
 * depth-first.
 */
export function readShowJson(json: unknown): ReadResult {
  if (!isObject(json)) {
    return {
      ok: false,
      message: 'not the output of `terraform show -json`: expected a JSON object',
    };
  }
  const version = json.format_version;
  if (version === undefined) return { ok: false, message: notShowJson(json) };
  if (typeof version !== 'string' || !/^1\.\d+$/.test(version)) {
    return {
      ok: false,
      message: `unsupported terraform JSON format_version ${JSON.stringify(version)}: Nines reads format_version 1.x (Terraform 1.1 and later)`,
    };
  }
  if ('provider_schemas' in json) return { ok: false, message: notShowJson(json) };
  const isPlan = 'planned_values' in json || 'resource_changes' in json || 'configuration' in json;
  const values = isPlan ? json.planned_values : json.values;
  const root = isObject(values) ? values.root_module : undefined;
  const terraformVersion = stringOf(json.terraform_version);
  const kind: TfSourceKind = isPlan ? 'terraform-plan' : 'terraform-state';
  const what = isPlan ? 'the plan' : 'the state';
  if (!isObject(root)) {
    return { ok: false, message: `${what} is empty: it has no resources to import` };
  }
  const config = isPlan ? readConfiguration(json) : undefined;
  const resources: TfResource[] = [];
  walkModule(root, '', resources, config);
  if (resources.length === 0) {
    return { ok: false, message: `${what} is empty: it has no managed resources to import` };
  }
  const seen = new Set<string>();
  for (const r of resources) {
    if (seen.has(r.address)) {
      return {
        ok: false,
        message: `the resource address ${JSON.stringify(r.address).slice(0, 200)} appears twice: not the output of \`terraform show -json\``,
      };
    }
    seen.add(r.address);
  }
  return {
    ok: true,
    kind,
    formatVersion: version,
    ...(terraformVersion === undefined ? {} : { terraformVersion }),
    resources,
  };
}

/** A plan's configuration: resources by configuration address, provider regions by key. */
interface Configuration {
  readonly resources: ReadonlyMap<string, TfConfigResource>;
  readonly providerRegions: ReadonlyMap<string, string>;
}

/** `module.a[0].module.b["x"].aws_lb.api[2]` → `module.a.module.b.aws_lb.api`. */
export function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

function readConfiguration(plan: TfValues): Configuration {
  const resources = new Map<string, TfConfigResource>();
  const providerRegions = new Map<string, string>();
  const configuration = isObject(plan.configuration) ? plan.configuration : {};
  const variables = isObject(plan.variables) ? plan.variables : {};
  const providers = isObject(configuration.provider_config) ? configuration.provider_config : {};
  for (const [key, provider] of Object.entries(providers)) {
    if (!isObject(provider) || !isObject(provider.expressions)) continue;
    const region = provider.expressions.region;
    const constant = isObject(region) ? stringOf(region.constant_value) : undefined;
    // A root-module provider whose region is a variable: the plan holds the variable's value.
    const viaVariable = () => {
      const refs = isObject(region) && Array.isArray(region.references) ? region.references : [];
      const variable = refs.map(stringOf).find((r) => r?.startsWith('var.'));
      const entry = variable && !provider.module_address ? variables[variable.slice(4)] : undefined;
      return isObject(entry) ? stringOf(entry.value) : undefined;
    };
    const resolved = constant ?? viaVariable();
    if (resolved) providerRegions.set(key, resolved);
  }
  const visit = (module: unknown, prefix: string, depth: number) => {
    if (!isObject(module) || depth > 32) return;
    for (const r of objectsOf(module.resources)) {
      const address = stringOf(r.address);
      if (!address) continue;
      resources.set(prefix + address, {
        ...(stringOf(r.provider_config_key) === undefined
          ? {}
          : { providerConfigKey: stringOf(r.provider_config_key) }),
        expressions: isObject(r.expressions) ? r.expressions : {},
      });
    }
    const calls = isObject(module.module_calls) ? module.module_calls : {};
    for (const [name, call] of Object.entries(calls)) {
      if (isObject(call)) visit(call.module, `${prefix}module.${name}.`, depth + 1);
    }
  };
  visit(configuration.root_module, '', 0);
  return { resources, providerRegions };
}

function walkModule(
  module: TfValues,
  moduleAddress: string,
  out: TfResource[],
  config: Configuration | undefined,
  depth = 0,
): void {
  if (depth > 32) return;
  for (const r of objectsOf(module.resources)) {
    if (r.mode === 'data') continue;
    const address = stringOf(r.address);
    const type = stringOf(r.type);
    if (!address || !type) continue;
    const configResource = config?.resources.get(configAddress(address));
    const key = configResource?.providerConfigKey;
    const providerRegion = key === undefined ? undefined : config?.providerRegions.get(key);
    const index = r.index;
    out.push({
      address,
      type,
      name: stringOf(r.name) ?? type,
      module: moduleAddress,
      ...(typeof index === 'string' || typeof index === 'number' ? { index } : {}),
      provider: providerShortName(stringOf(r.provider_name)),
      values: isObject(r.values) ? r.values : {},
      sensitive: isObject(r.sensitive_values) ? r.sensitive_values : {},
      ...(configResource ? { config: configResource } : {}),
      ...(providerRegion ? { providerRegion } : {}),
    });
  }
  for (const child of objectsOf(module.child_modules)) {
    walkModule(child, stringOf(child.address) ?? moduleAddress, out, config, depth + 1);
  }
}
