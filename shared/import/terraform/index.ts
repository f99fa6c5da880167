/**
 * The Terraform importer's door: `terraform show -json` output → a `nines/1` design and a
 * report of what was mapped, assumed, inferred, skipped and warned about (docs/import.md).
 */
export { importTerraform, importTerraformText } from './import';
export type { ImportResult } from './import';
export { withLayout, IMPORT_CARD } from './layout';
export type { RunLayout } from './layout';
export { MAPPED_TYPES, READ_TYPES } from './registry';
export { readShowJson } from './read';
export type {
  Assumption,
  ImportOptions,
  ImportReport,
  ImportWarning,
  InferredEdge,
  MappedEntry,
  SkippedType,
  TfResource,
} from './types';
