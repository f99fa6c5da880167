/**
 * What every advisor rule reads: the document, the variant's resolved graph and structure, its
 * exact evaluation, and the evaluation of the variant with a fix applied (memoised, so a rule
 * that tries a fix and the measured effect share one evaluation).
 */
import { distinctNames } from '../../model/nodes';
import { applyFix, type FixOp } from '../../model/ops/fixes';
import type { BackupNode, NinesDocument, Scenario, Targets, Variant } from '../../model/types';
import {
  evaluateVariant,
  type AvailabilityFigures,
  type EvaluateOptions,
  type PreparedEvaluation,
  type VariantEvaluation,
} from '../availability';
import {
  resolveGraph,
  type ResolvedGraph,
  buildStructure,
  type Structure,
  trafficShares,
  type TrafficShares,
} from '../structure';
import { runScenario, type ScenarioContext, type ScenarioResult } from '../scenarios';
import type { AdviseOptions, Fix, PrincipleId, Severity } from './types';

/** A finding as a rule states it, before its effect is measured. */
export interface DraftFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly nodeIds: readonly string[];
  readonly title: string;
  readonly message: string;
  readonly principle: PrincipleId;
  readonly fix: Fix;
  /** For an unfixable single point of failure: the best availability the design can reach. */
  readonly availabilityCeiling?: number;
  /** Scenarios run before and after the fix besides the document's (see `probe`). */
  readonly probes?: readonly Scenario[];
  /**
   * What the finding is about, when not its nodes: the scenario of a target finding, the tier
   * of a capacity finding (its worst loss may move), `variant` for one per variant. With the
   * code, it tells a finding that a fix would raise from one that was there (`findingKey`).
   */
  readonly subject?: string;
}

/** The identity of a finding across a fix: its code and its subject, else its nodes. */
export function findingKey(draft: Pick<DraftFinding, 'code' | 'nodeIds' | 'subject'>): string {
  return `${draft.code}|${draft.subject ?? draft.nodeIds.join(',')}`;
}

/** An evaluation whose availability is known (the variant could be evaluated). */
export type EvaluatedVariant = VariantEvaluation & { readonly availability: AvailabilityFigures };

/**
 * The evaluation the advisor needs: the rules read only the single points of failure of the
 * cut sets (order 1), the importance, the scenarios and the cost, so longer cut sets, costly on
 * a tier of 1,000 instances, are not listed.
 */
function evaluateOptions(options: AdviseOptions): EvaluateOptions {
  return { priceBook: options.priceBook, maxCutSetOrder: 1 };
}

/** The variant under review with everything the rules need. */
export class AdviceContext {
  readonly targets: Targets;
  private readonly memo = new Map<string, EvaluatedVariant | undefined>();
  private readonly fixedDocs = new Map<string, NinesDocument>();
  private backups: ReadonlyMap<string, readonly BackupNode[]> | undefined;
  /** What the scenarios of this variant of each document run on (`scenarioOn`). */
  private readonly prepared = new WeakMap<NinesDocument, ScenarioContext | null>();
  /** What the scenarios of each variant of this document run on (`scenarioOnVariant`). */
  private readonly preparedVariants = new WeakMap<Variant, ScenarioContext | null>();
  private readonly names: ReadonlyMap<string, string>;

  constructor(
    readonly doc: NinesDocument,
    readonly variant: Variant,
    readonly base: EvaluatedVariant,
    readonly graph: ResolvedGraph,
    readonly structure: Structure,
    readonly traffic: TrafficShares,
    readonly options: AdviseOptions,
    /** Nodes of the failure diagrams of the variant's evaluation: its size (budget.ts). */
    readonly diagramNodes: number,
    /** False in a re-check context: fixes are identified, not measured (`evaluateWith`). */
    private readonly measuresFixes = true,
  ) {
    this.targets = doc.targets ?? {};
    this.names = distinctNames(variant);
    const own: ScenarioContext = { doc, graph, structure, traffic };
    this.prepared.set(doc, own);
    this.preparedVariants.set(variant, own);
  }

  /**
   * What a finding's prose calls node `id`: its name, told apart from others of the same name
   * (`distinctNames`), else its id; an instance `app#2` as `App #2`. Ids stay in `nodeIds`, the
   * fix's op and the JSON.
   */
  name = (id: string): string => {
    const [nodeId = id, instance] = id.split('#');
    const name = this.names.get(nodeId) ?? nodeId;
    return instance === undefined ? name : `${name} #${instance}`;
  };

  /** The names of `ids` joined with `separator` (a comma and a space by default). */
  nameList(ids: readonly string[], separator = ', '): string {
    return ids.map(this.name).join(separator);
  }

  /**
   * The context of `variant` of `doc`, or the engine's issues when the variant cannot be
   * evaluated (a cycle, a missing entry).
   */
  static of(
    doc: NinesDocument,
    variant: Variant,
    options: AdviseOptions,
  ): AdviceContext | { issues: VariantEvaluation['issues'] } {
    let diagramNodes = 0;
    const { evaluation: base, context } = evaluateVariant(doc, variant, {
      ...evaluateOptions(options),
      onDiagramNodes: (nodes) => (diagramNodes = nodes),
    });
    if (!base.availability || !context) return { issues: base.issues };
    return new AdviceContext(
      doc,
      variant,
      base as EvaluatedVariant,
      context.graph,
      context.structure,
      context.traffic,
      options,
      diagramNodes,
    );
  }

  /**
   * The context of this variant with `op` applied, to re-check the rules on it: whether a
   * finding is raised does not depend on measuring fixes, so its `evaluateWith` measures none.
   * Undefined when the fixed variant cannot be evaluated.
   */
  withFix(op: FixOp): AdviceContext | undefined {
    const base = this.evaluateWith(op);
    const doc = this.fixed(op);
    const variant = doc.variants.find((v) => v.id === this.variant.id);
    const context = this.prepared.get(doc);
    if (!base || !variant || !context) return undefined;
    return new AdviceContext(
      doc,
      variant,
      base,
      context.graph,
      context.structure,
      context.traffic,
      this.options,
      this.diagramNodes,
      false,
    );
  }

  /** The document with `op` applied to this variant (memoised: the same object for one op). */
  fixed(op: FixOp): NinesDocument {
    const key = JSON.stringify(op);
    let doc = this.fixedDocs.get(key);
    if (!doc) {
      doc = applyFix(this.doc, this.variant.id, op);
      this.fixedDocs.set(key, doc);
    }
    return doc;
  }

  /** Exact evaluation of the variant with `op` applied; undefined if it cannot be evaluated. */
  evaluateWith(op: FixOp): EvaluatedVariant | undefined {
    if (!this.measuresFixes) return undefined;
    const key = JSON.stringify(op);
    if (!this.memo.has(key)) {
      const doc = this.fixed(op);
      const variant = doc.variants.find((v) => v.id === this.variant.id);
      const after: PreparedEvaluation | undefined =
        variant && evaluateVariant(doc, variant, evaluateOptions(this.options));
      // What the fixed variant was evaluated on is what its scenarios and re-check run on.
      if (after?.evaluation.availability && after.context) this.prepared.set(doc, after.context);
      this.memo.set(
        key,
        after?.evaluation.availability ? (after.evaluation as EvaluatedVariant) : undefined,
      );
    }
    return this.memo.get(key);
  }

  /**
   * `scenario` run on this variant of `doc` (the document as it is, or with a fix applied);
   * undefined when the variant cannot be evaluated. The graph of each document is built once.
   */
  scenarioOn(doc: NinesDocument, scenario: Scenario): ScenarioResult | undefined {
    let prepared = this.prepared.get(doc);
    if (prepared === undefined) {
      const variant = doc.variants.find((v) => v.id === this.variant.id);
      const graph = variant && resolveGraph(variant, []);
      prepared = graph
        ? { doc, graph, structure: buildStructure(graph, []), traffic: trafficShares(doc, graph) }
        : null;
      this.prepared.set(doc, prepared);
    }
    return prepared === null ? undefined : runScenario(prepared, scenario);
  }

  /**
   * `scenario` run on `variant` in this document (this variant, or a copy the N+1 check
   * changed); undefined when its graph cannot be built. The graph of each variant object is
   * built once, and this variant's is the context's own.
   */
  scenarioOnVariant(variant: Variant, scenario: Scenario): ScenarioResult | undefined {
    let prepared = this.preparedVariants.get(variant);
    if (prepared === undefined) {
      const graph = resolveGraph(variant, []);
      prepared = graph
        ? {
            doc: this.doc,
            graph,
            structure: buildStructure(graph, []),
            traffic: trafficShares(this.doc, graph),
          }
        : null;
      this.preparedVariants.set(variant, prepared);
    }
    return prepared === null ? undefined : runScenario(prepared, scenario);
  }

  /**
   * A probe for `scenario` unless a scenario of the document forces the same events down and
   * corrupts the same datastores (then the document's own scenario shows the change).
   */
  probe(scenario: Scenario): Scenario[] {
    const key = (s: Scenario): string =>
      JSON.stringify([
        [...(s.fail ?? [])].sort(),
        [...(s.corrupt ?? [])].sort(),
        s.partition ?? [],
        s.shift ?? null,
      ]);
    return (this.doc.scenarios ?? []).some((s) => key(s) === key(scenario)) ? [] : [scenario];
  }

  /** The backups of datastore `datastoreId` (`backs-up` edges to it), file order. */
  backupsOf(datastoreId: string): readonly BackupNode[] {
    if (this.backups === undefined) {
      const backups = new Map<string, BackupNode[]>();
      for (const e of this.variant.edges) {
        const from = this.graph.byId.get(e.from);
        if (e.kind !== 'backs-up' || from?.kind !== 'backup') continue;
        backups.set(e.to, [...(backups.get(e.to) ?? []), from]);
      }
      this.backups = backups;
    }
    return this.backups.get(datastoreId) ?? [];
  }

  /** The request-weighted availability target, if the document sets one. */
  get availabilityTarget(): number | undefined {
    return this.targets.availability;
  }
}
