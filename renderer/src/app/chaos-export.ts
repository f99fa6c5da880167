/**
 * Chaos experiments from the app: the same evaluation and export as `nines export-chaos` (so each
 * `hypothesis.json` is the scenario's result as `nines evaluate --json` reports it), written as
 * one ZIP archive because the host saves one file where the CLI writes a folder; the archive's
 * top folder holds exactly the files the CLI writes into `--out DIR`.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import {
  exportChaos,
  type ChaosExport,
  type ChaosFile,
  type ChaosTarget,
} from '../../../shared/chaos';
import type { PriceBook } from '../../../shared/catalog/price-book';
import { evaluate } from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';
import { exportFileStem } from './file-names';

/** What the person chooses in the dialog; the lists hold one ARN or id per entry. */
export interface ChaosChoice {
  readonly target: ChaosTarget;
  readonly variantId: string;
  /** One scenario, or every scenario of the document when empty. */
  readonly scenarioIds: readonly string[];
  readonly stopAlarms: readonly string[];
  /** FIS only; absent when the field is empty. */
  readonly roleArn?: string;
  readonly subscriptions: readonly string[];
}

/** The export of `choice`, or the problems that keep the variant from being evaluated. */
export type AppChaosExport =
  | { readonly ok: true; readonly exported: ChaosExport }
  | { readonly ok: false; readonly problems: readonly string[] };

/** The files and warnings `nines export-chaos` would write for `choice`, priced with `book`. */
export function appChaosExport(
  document: NinesDocument,
  choice: ChaosChoice,
  book: PriceBook,
): AppChaosExport {
  const report = evaluate(document, choice.variantId, { priceBook: book });
  if (report.issues.length > 0) return { ok: false, problems: report.issues.map((i) => i.message) };
  return {
    ok: true,
    exported: exportChaos(document, report, {
      target: choice.target,
      scenarioIds: choice.scenarioIds,
      stopAlarms: choice.stopAlarms,
      ...(choice.roleArn === undefined ? {} : { roleArn: choice.roleArn }),
      subscriptions: choice.subscriptions,
    }),
  };
}

/**
 * The ZIP archive of `files` (paths `/`-separated, relative to the output folder) under the top
 * folder `folder`, UTF-8, deflated: every file of the export at the same relative path as
 * `nines export-chaos --out DIR` writes it in `DIR`. Written with fflate (pinned in
 * package.json), the small, dependency-free DEFLATE/ZIP library docx already brings; here, in
 * the app, so that the CLI's commands that export chaos experiments do not load it.
 */
export function chaosArchive(files: readonly ChaosFile[], folder: string): Uint8Array {
  const entries: Zippable = {};
  for (const f of files) entries[`${folder}/${f.path}`] = strToU8(f.text);
  return zipSync(entries, { level: 6 });
}

/** The archive's name without `.zip`, also its top folder: `checkout-aa2-chaos-fis`. */
export function chaosArchiveStem(document: NinesDocument, choice: ChaosChoice): string {
  return exportFileStem(document, `chaos ${choice.target}`, choice.variantId);
}

/**
 * The command that writes the same files: `nines export-chaos FILE --target fis --variant aa2
 * --scenario zone-outage --stop-alarm ARN`, quoting what a shell would split.
 */
export function chaosCommand(fileName: string, choice: ChaosChoice): string {
  const quote = (value: string) =>
    /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
  const flags = [
    ['--target', choice.target],
    ['--variant', choice.variantId],
    ...choice.scenarioIds.map((id) => ['--scenario', id]),
    ...choice.stopAlarms.map((arn) => ['--stop-alarm', arn]),
    ...(choice.roleArn === undefined ? [] : [['--role-arn', choice.roleArn]]),
    ...choice.subscriptions.map((id) => ['--subscription', id]),
  ];
  return ['nines export-chaos', quote(fileName), ...flags.map((f) => f.map(quote).join(' '))].join(
    ' ',
  );
}

/** The entries of a field that takes one value per line (or separated by commas or spaces). */
export function listField(text: string): string[] {
  return text.split(/[\s,]+/).filter((v) => v !== '');
}
