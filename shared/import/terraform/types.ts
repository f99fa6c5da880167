/**
 * The shapes the Terraform importer works with: a resource read from `terraform show -json`
 * (state or plan), the import's options, and the report of what was mapped, assumed, inferred,
 * skipped and warned about.
 */

/** A Terraform JSON object value (attributes, nested blocks as arrays). */
export type TfValues = Readonly<Record<string, unknown>>;

/** The configuration of one resource in a plan (`configuration.root_module.resources[]`). */
export interface TfConfigResource {
  /** `provider_config_key`: the key into `configuration.provider_config`. */
  readonly providerConfigKey?: string;
  /** Attribute → expression (`{ constant_value }` or `{ references: [...] }`). */
  readonly expressions: TfValues;
}

/** One managed resource instance of a state or plan, flattened from its module. */
export interface TfResource {
  /** Full address, e.g. `module.use1.aws_lb.api[0]`. */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  /** `module.use1` (instance keys kept), `''` for the root module. */
  readonly module: string;
  /** `count` / `for_each` key, when set. */
  readonly index?: string | number;
  /** `registry.terraform.io/hashicorp/aws` → `aws`. */
  readonly provider: string;
  /** Known attribute values (unknown plan values are absent or null). */
  readonly values: TfValues;
  /** `sensitive_values`: attributes Terraform marks sensitive (never copied). */
  readonly sensitive: TfValues;
  /** The resource's configuration (plans only). */
  readonly config?: TfConfigResource;
  /** The region its provider configuration names (plans only), e.g. `eu-west-1`. */
  readonly providerRegion?: string;
}

/** What kind of `terraform show -json` output was read. */
export type TfSourceKind = 'terraform-state' | 'terraform-plan';

/** The import's options. */
export interface ImportOptions {
  /** Region of a resource nothing else places (`--default-region`). */
  readonly defaultRegion?: string;
  /** Add the standard drills (zone, region, partition, corruption) as scenarios. */
  readonly withScenarios?: boolean;
}

/** A Terraform resource that became (part of) a node. */
export interface MappedEntry {
  readonly address: string;
  readonly node: string;
  readonly kind: string;
}

/** A value Terraform does not state that the import chose, with why. */
export interface Assumption {
  readonly node: string;
  readonly field: string;
  readonly value: string | number | boolean;
  readonly why: string;
}

/** An edge Terraform does not state, inferred from another signal. */
export interface InferredEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'depends';
  readonly why: string;
}

/** Something the reader should know: a stable code, where, and a sentence. */
export interface ImportWarning {
  readonly code: string;
  readonly node?: string;
  readonly address?: string;
  readonly message: string;
}

/** Resource types left out, with how many resources of each. */
export interface SkippedType {
  readonly type: string;
  readonly count: number;
}

/** Everything the import decided, for `--report` and the app's import dialog. */
export interface ImportReport {
  readonly source: {
    readonly kind: TfSourceKind;
    readonly formatVersion: string;
    readonly terraformVersion?: string;
  };
  readonly counts: {
    readonly resources: number;
    readonly mapped: number;
    readonly assumed: number;
    readonly inferred: number;
    readonly skipped: number;
    readonly warnings: number;
  };
  readonly mapped: readonly MappedEntry[];
  readonly assumed: readonly Assumption[];
  readonly inferred: readonly InferredEdge[];
  readonly warnings: readonly ImportWarning[];
  readonly skipped: readonly SkippedType[];
  /** Datastores and tiers no request path reaches: connect them by hand. */
  readonly unconnected: readonly string[];
}
