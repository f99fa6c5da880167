/**
 * `importTerraform`: `terraform show -json` output (a state or a plan) → a valid `nines/1`
 * document and the report of every mapped, assumed, inferred and skipped resource.
 */
import { standardDrills } from '../../engine';
import { parseDocument } from '../../schema/parse';
import { parseJsonText } from '../../schema/json-text';
import { assemble } from './assemble';
import { inferFromSecurityGroups } from './aws/network';
import { ImportContext } from './context';
import { readShowJson } from './read';
import { MAPPERS } from './registry';
import { ResourceIndex } from './resources';
import type { ImportOptions, ImportReport } from './types';
import type { NinesDocument } from '../../model/types';

/** The imported design and its report, or why nothing was imported (one sentence). */
export type ImportResult =
  | { readonly ok: true; readonly document: NinesDocument; readonly report: ImportReport }
  | { readonly ok: false; readonly message: string };

/** Imports an already-parsed JSON value (see {@link importTerraformText} for text). */
export function importTerraform(json: unknown, options: ImportOptions = {}): ImportResult {
  const read = readShowJson(json);
  if (!read.ok) return read;
  const ctx = new ImportContext(new ResourceIndex(read.resources), options);
  for (const mapper of MAPPERS) {
    const resources = ctx.index.ofType(...mapper.types);
    if (resources.length > 0) mapper.map(resources, ctx);
  }
  inferFromSecurityGroups(ctx);
  const assembled = assemble(ctx, {
    kind: read.kind,
    formatVersion: read.formatVersion,
    ...(read.terraformVersion === undefined ? {} : { terraformVersion: read.terraformVersion }),
  });
  if (!assembled.ok) return assembled;
  const base = assembled.document;
  const document = options.withScenarios ? { ...base, scenarios: standardDrills(base) } : base;
  // Whatever comes in passes the same checks as a file the user opens.
  const checked = parseDocument(document);
  if (!checked.ok) {
    const first = checked.problems[0];
    return {
      ok: false,
      message: `the imported design is not valid (${checked.problems.length} problems; first: ${first?.path ?? ''}: ${first?.message ?? ''}); please report this with the input`,
    };
  }
  return { ok: true, document: checked.document, report: assembled.report };
}

/**
 * Imports the text of `terraform show -json` output, read with the same limits as a project
 * file (size, nesting, encoding, duplicate keys; shared/schema/json-text.ts).
 */
export function importTerraformText(text: string, options: ImportOptions = {}): ImportResult {
  const json = parseJsonText(text);
  if (!json.ok) {
    const first = json.problems[0];
    const where = first && first.line > 0 ? ` at line ${first.line}, column ${first.column}` : '';
    return { ok: false, message: `not valid JSON${where}: ${first?.message ?? 'unreadable'}` };
  }
  return importTerraform(json.value, options);
}
