/**
 * `nines export-chaos FILE --target fis|azure|chaos-mesh|litmus [--variant ID] [--scenario ID...]
 * [--out DIR] [--target-by tags|state --state STATE.json] [--stop-alarm ARN...] [--role-arn ARN]
 * [--subscription ID...]`: every failure
 * scenario as a chaos experiment for the target, each with `hypothesis.json` (the scenario's
 * `evaluate --json` result), and a README.md saying what to tag, the guard rails and the runbook
 * for scenarios that are not faults (docs/chaos.md). Files are written atomically into
 * `DIR/VARIANT/SCENARIO/`; warnings go to standard error and do not change the exit code.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from './command';
import { EXIT, loadOrReport, writeLines, type CliIo } from '../io';
import { readInputFile, writeFileAtomic } from '../../system';
import { CHAOS_TARGETS, type ChaosState, type ChaosTarget } from '../../shared/chaos';
import { encodingProblem } from '../../shared/text/encoding';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The folder written when `--out` is not given: `<file stem>-chaos-<target>` here. */
function defaultOut(file: string, target: string): string {
  const stem = path.basename(file).replace(/(\.nines)?\.json$/i, '');
  return `${stem}-chaos-${target}`;
}

/**
 * The resources of the Terraform state `file` (`terraform show -json` after an apply), or
 * undefined after one line on standard error saying why not.
 */
async function readState(io: CliIo, file: string): Promise<ChaosState | undefined> {
  const fail = (message: string) => {
    io.stderr.write(`nines export-chaos: ${file}: ${message}\n`);
    return undefined;
  };
  const read = readInputFile(file);
  if (!read.ok) return fail(read.message);
  const encoding = encodingProblem(read.bytes);
  if (encoding) return fail(encoding);
  const [{ parseJsonText }, { readShowJson }] = await Promise.all([
    import('../../shared/schema/json-text'),
    import('../../shared/import/terraform'),
  ]);
  const json = parseJsonText(read.bytes.toString('utf8'));
  if (!json.ok) return fail(`not valid JSON: ${json.problems[0]?.message ?? 'unreadable'}`);
  const shown = readShowJson(json.value);
  if (!shown.ok) return fail(shown.message);
  if (shown.kind !== 'terraform-state') {
    return fail(
      'a plan, not a state: --target-by state needs the ARNs of applied resources (terraform show -json after terraform apply)',
    );
  }
  return { file: path.basename(file), resources: shown.resources };
}

export const exportChaosCommand: Command = {
  name: 'export-chaos',
  usage:
    'nines export-chaos FILE --target fis|azure|chaos-mesh|litmus [--variant ID] [--scenario ID]... [--out DIR] [--target-by tags|state --state STATE.json] [--stop-alarm ARN]... [--role-arn ARN] [--subscription ID]...',
  summary: 'Write each failure scenario as a chaos experiment with its predicted outcome.',
  options: {
    target: { type: 'string' },
    variant: { type: 'string' },
    scenario: { type: 'string', multiple: true },
    out: { type: 'string' },
    'target-by': { type: 'string' },
    state: { type: 'string' },
    'stop-alarm': { type: 'string', multiple: true },
    'role-arn': { type: 'string' },
    subscription: { type: 'string', multiple: true },
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined || positionals.length !== 1) return EXIT.usage;
    const target = values.target;
    if (typeof target !== 'string' || !(CHAOS_TARGETS as readonly string[]).includes(target)) {
      io.stderr.write(
        `nines export-chaos: --target must be one of ${CHAOS_TARGETS.join(', ')}${typeof target === 'string' ? ` (not "${target}")` : ''}\n`,
      );
      return EXIT.usage;
    }
    const roleArn = typeof values['role-arn'] === 'string' ? values['role-arn'] : undefined;
    if (roleArn !== undefined && target !== 'fis') {
      io.stderr.write(`nines export-chaos: --role-arn applies to --target fis only\n`);
      return EXIT.usage;
    }
    const targetBy = values['target-by'] ?? 'tags';
    const stateFile = typeof values.state === 'string' ? values.state : undefined;
    if (targetBy !== 'tags' && targetBy !== 'state') {
      io.stderr.write(
        `nines export-chaos: --target-by must be tags or state (not "${String(targetBy)}")\n`,
      );
      return EXIT.usage;
    }
    if ((targetBy === 'state') !== (stateFile !== undefined)) {
      io.stderr.write(`nines export-chaos: --target-by state and --state STATE.json go together\n`);
      return EXIT.usage;
    }
    if (targetBy === 'state' && target !== 'fis' && target !== 'azure') {
      io.stderr.write(
        `nines export-chaos: --target-by state applies to --target fis or azure only\n`,
      );
      return EXIT.usage;
    }
    const document = await loadOrReport(io, file);
    if (!document) return EXIT.invalid;
    const scenarioIds = strings(values.scenario);
    const known = new Set((document.scenarios ?? []).map((s) => s.id));
    const unknown = scenarioIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      io.stderr.write(
        `nines export-chaos: no scenario ${unknown.map((id) => `"${id}"`).join(', ')} in ${file} (scenarios: ${[...known].join(', ') || 'none'})\n`,
      );
      return EXIT.usage;
    }
    const state = stateFile === undefined ? undefined : await readState(io, stateFile);
    if (stateFile !== undefined && state === undefined) return EXIT.invalid;
    const variantId = typeof values.variant === 'string' ? values.variant : undefined;
    const [{ evaluate }, { loadBundledPriceBook }, { exportChaos }] = await Promise.all([
      import('../../shared/engine'),
      import('../price-files'),
      import('../../shared/chaos'),
    ]);
    // The same evaluation as `nines evaluate --json`, so each hypothesis is its scenario result.
    const report = evaluate(document, variantId, { priceBook: await loadBundledPriceBook() });
    const issues = [...report.issues, ...report.variants.flatMap((v) => v.issues)];
    writeLines(
      io,
      issues.map((i) => `${file}: ${i.severity}: ${i.message}`),
    );
    if (report.issues.length > 0) return EXIT.invalid;
    const exported = exportChaos(document, report, {
      target: target as ChaosTarget,
      scenarioIds,
      stopAlarms: strings(values['stop-alarm']),
      roleArn,
      subscriptions: strings(values.subscription),
      ...(state === undefined ? {} : { state }),
    });
    writeLines(
      io,
      exported.warnings.map((w) => `nines export-chaos: warning: ${w}`),
    );
    const out = typeof values.out === 'string' ? values.out : defaultOut(file, target);
    try {
      for (const f of exported.files) {
        const destination = path.join(out, ...f.path.split('/'));
        await mkdir(path.dirname(destination), { recursive: true });
        await writeFileAtomic(destination, f.text);
      }
    } catch (error) {
      io.stderr.write(`nines export-chaos: cannot write ${out}: ${(error as Error).message}\n`);
      return EXIT.invalid;
    }
    io.stdout.write(
      `${exported.files.map((f) => path.join(out, ...f.path.split('/'))).join('\n')}\n`,
    );
    return EXIT.ok;
  },
};
