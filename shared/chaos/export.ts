/**
 * The export as a whole: every chosen scenario of every evaluated variant becomes an experiment
 * for the target (with its hypothesis), a runbook entry, or a reason it was left out; plus the
 * README. Pure: it returns the files and the warnings, the caller writes them.
 */
import type { EvaluationReport } from '../engine';
import type { NinesDocument, Variant } from '../model/types';
import { renderAzure } from './azure';
import { renderChaosMesh } from './chaos-mesh';
import { renderFis } from './fis';
import { guardRailWarnings } from './guard-rails';
import { hypothesisText } from './hypothesis';
import { renderLitmus } from './litmus';
import { foreignRegions, planScenario } from './plan';
import {
  readmeText,
  runbookTitle,
  type ReadmeExperiment,
  type ReadmeLeftOut,
  type ReadmeRunbook,
} from './readme';
import type {
  ChaosExport,
  ChaosFile,
  ChaosOptions,
  ChaosTarget,
  ExperimentPlan,
  ExportedScenario,
  RenderedExperiment,
} from './types';

/**
 * An id as a folder name: ids may hold `:`, which Windows does not allow in a path (ids cannot
 * hold `/` or start with `.`, so nothing else needs changing).
 */
function folderName(id: string): string {
  return id.replace(/:/g, '_');
}

/** The cloud a target reaches; undefined for Kubernetes targets, which run on any. */
const TARGET_PROVIDER = {
  fis: 'aws',
  azure: 'azure',
  'chaos-mesh': undefined,
  litmus: undefined,
} as const;

/**
 * The target a variant's experiments are best written for: the cloud's own fault service (FIS,
 * Chaos Studio) when every region that names a provider names that cloud, else Chaos Mesh, which
 * runs on any provider's Kubernetes (a variant on no cloud, on GCP, or on several clouds).
 */
export function chaosTargetFor(variant: Variant): Exclude<ChaosTarget, 'litmus'> {
  const providers = new Set(
    variant.nodes.flatMap((n) => (n.kind === 'region' && n.provider ? [n.provider] : [])),
  );
  const [only] = providers;
  if (providers.size === 1) {
    if (only === TARGET_PROVIDER.fis) return 'fis';
    if (only === TARGET_PROVIDER.azure) return 'azure';
  }
  return 'chaos-mesh';
}

function render(plan: ExperimentPlan, options: ChaosOptions): RenderedExperiment {
  switch (options.target) {
    case 'fis':
      return renderFis(plan, options);
    case 'azure':
      return renderAzure(plan, options);
    case 'chaos-mesh':
      return renderChaosMesh(plan);
    case 'litmus':
      return renderLitmus(plan);
  }
}

/**
 * Each kind of action once, in first-seen order, with how many there are when more than one:
 * `aws:ec2:stop-instances × 2`.
 */
function summarizeActions(actions: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts].map(([a, n]) => (n > 1 ? `${a} × ${n}` : a));
}

/**
 * The files and warnings of `nines export-chaos`: `report` is what `evaluate` returned for `doc`
 * (its scenario results become the hypotheses unchanged; only its variants are read). Scenario
 * ids in `options.scenarioIds` must exist in the document (the caller checks).
 */
export function exportChaos(
  doc: NinesDocument,
  report: Pick<EvaluationReport, 'variants'>,
  options: ChaosOptions,
): ChaosExport {
  const files: ChaosFile[] = [];
  const warnings = guardRailWarnings(options);
  const experiments: ReadmeExperiment[] = [];
  const runbooks: ReadmeRunbook[] = [];
  const leftOut: ReadmeLeftOut[] = [];
  const scenarios: ExportedScenario[] = [];
  const chosen = (doc.scenarios ?? []).filter(
    (s) => options.scenarioIds.length === 0 || options.scenarioIds.includes(s.id),
  );
  const provider = TARGET_PROVIDER[options.target];
  for (const evaluated of report.variants) {
    const variant = doc.variants.find((v) => v.id === evaluated.id);
    if (!variant) continue;
    for (const scenario of chosen) {
      const result = evaluated.scenarios.find((r) => r.id === scenario.id);
      if (!result) continue;
      const folder = `${folderName(variant.id)}/${folderName(scenario.id)}`;
      const hypothesis = `${folder}/hypothesis.json`;
      const ids = { variantId: variant.id, scenarioId: scenario.id };
      const where = `scenario ${scenario.id} on variant ${variant.id}`;
      const plan = planScenario(doc, variant, scenario, result);
      const leave = (reason: string) => {
        leftOut.push({ ...ids, reason });
        scenarios.push({ kind: 'left-out', ...ids, reason });
        warnings.push(`${where}: not exported: ${reason}`);
      };
      if (plan.kind === 'skipped') {
        leave(plan.reason);
        continue;
      }
      if (plan.kind === 'runbook') {
        runbooks.push({ plan, folder });
        scenarios.push({
          kind: 'runbook',
          ...ids,
          entry: runbookTitle(plan, folder),
          hypothesis,
          reason: plan.reason,
        });
        files.push({ path: hypothesis, text: hypothesisText(result) });
        warnings.push(
          `${where}: not an experiment (${plan.reason}); runbook steps are in README.md`,
        );
        continue;
      }
      const foreign = provider ? foreignRegions(plan, provider) : [];
      if (foreign.length > 0) {
        leave(
          `--target ${options.target} reaches ${provider} only, and it fails ${foreign.join(', ')}`,
        );
        continue;
      }
      const rendered = render(plan, options);
      if (rendered.files.length === 0) {
        leave(rendered.notes.join('; ') || `--target ${options.target} has no fault for it`);
        continue;
      }
      for (const f of rendered.files) files.push({ path: `${folder}/${f.path}`, text: f.text });
      files.push({ path: hypothesis, text: hypothesisText(result) });
      experiments.push({
        plan,
        folder,
        files: rendered.files.map((f) => f.path),
        notes: rendered.notes,
      });
      scenarios.push({
        kind: 'experiment',
        ...ids,
        files: rendered.files.map((f) => `${folder}/${f.path}`),
        hypothesis,
        actions: summarizeActions(rendered.actions),
        notes: rendered.notes,
      });
      if (plan.duration.capped) {
        warnings.push(
          `${where}: the model's repair time is longer than 12 h; the experiment lasts 12 h`,
        );
      }
    }
  }
  files.push({ path: 'README.md', text: readmeText(doc, options, experiments, runbooks, leftOut) });
  return { files, warnings, scenarios };
}
