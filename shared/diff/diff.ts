/**
 * `diffDesigns`: two documents → the `nines-diff/1` document. Both sides are evaluated through
 * the engine's door with the same price book, so a cost change is a design change and not a
 * price-book drift; variants are matched by id (or the pair asked for).
 */
import type { PriceBook } from '../catalog/price-book';
import { evaluate, type EvaluationReport } from '../engine';
import type { NinesDocument, Variant } from '../model/types';
import { diffDocumentFields, isDocumentUnchanged } from './document';
import { diffFigures, diffScenarios, figuresChanged } from './figures';
import { DEFAULT_MAX_DOWNTIME_INCREASE_PCT, judge } from './regressions';
import { diffTopology, EMPTY_VARIANT, isTopologyEmpty } from './topology';
import { DIFF_FORMAT, type DesignDiff, type DiffSide, type VariantDiff } from './types';

/** One side to compare: the parsed (and migrated) document and where it came from. */
export interface DiffInputSide {
  readonly document: NinesDocument;
  readonly side: DiffSide;
}

/** Options of {@link diffDesigns}. */
export interface DiffOptions {
  /** The price book both sides are priced with. */
  readonly priceBook: PriceBook;
  /** Prices added to the bundled book, for the record (`--prices FILE`). */
  readonly importedPrices?: { readonly file: string; readonly count: number } | null;
  /** Compare only this pair of variants (`--variant a[:b]`): the base's `base` with the head's `head`. */
  readonly variant?: { readonly base: string; readonly head: string };
  /** Detect renamed nodes (`--renames`). */
  readonly renames?: boolean;
  /** Downtime up by more than this share is a regression, percent (default 10). */
  readonly maxDowntimeIncreasePct?: number;
  /** Monthly cost up by more than this share is a regression, percent; absent: never. */
  readonly maxCostIncreasePct?: number;
}

/** A diff, or why none could be made (a variant asked for that a side lacks). */
export type DiffResult = { ok: true; diff: DesignDiff } | { ok: false; message: string };

/** Compares `base` with `head` (docs/diff.md). */
export function diffDesigns(
  base: DiffInputSide,
  head: DiffInputSide,
  options: DiffOptions,
): DiffResult {
  const pairs = pairVariants(base.document, head.document, options.variant);
  if (!pairs.ok) return pairs;
  const document = diffDocumentFields(base.document, head.document);
  const evaluateSide = (doc: NinesDocument, id: string | undefined): EvaluationReport =>
    evaluate(doc, id, { priceBook: options.priceBook });
  const baseReport = evaluateSide(base.document, options.variant?.base);
  const headReport = evaluateSide(head.document, options.variant?.head);
  // Regressions are judged against the head's targets: the base again under them, when they differ.
  const verdictReport = document.targetsChanged
    ? evaluateSide({ ...base.document, targets: head.document.targets }, options.variant?.base)
    : baseReport;
  const byId = (report: EvaluationReport) => new Map(report.variants.map((v) => [v.id, v]));
  const baseEvaluations = byId(baseReport);
  const verdictEvaluations = byId(verdictReport);
  const headEvaluations = byId(headReport);
  const thresholds = {
    maxDowntimeIncreasePct: options.maxDowntimeIncreasePct ?? DEFAULT_MAX_DOWNTIME_INCREASE_PCT,
    maxCostIncreasePct: options.maxCostIncreasePct ?? null,
  };

  const variants = pairs.pairs.map(([b, a]): VariantDiff => {
    const baseEval = b && baseEvaluations.get(b.id);
    const headEval = a && headEvaluations.get(a.id);
    const figures = diffFigures(
      { evaluation: baseEval, availabilityTarget: base.document.targets?.availability },
      { evaluation: headEval, availabilityTarget: head.document.targets?.availability },
    );
    const compared = diffTopology(b ?? EMPTY_VARIANT, a ?? EMPTY_VARIANT, {
      renames: options.renames === true,
    });
    // A variant on one side only lists its nodes, edges and links as added or removed; its own
    // fields (name, entry) are not changes of a variant that does not exist on the other side.
    const topology = b && a ? compared : { ...compared, fields: [] };
    const scenarios = diffScenarios(baseEval, headEval);
    const verdictEval = b && verdictEvaluations.get(b.id);
    const judged =
      verdictEval && headEval
        ? judge(verdictEval, headEval, figures, head.document.targets?.availability, thresholds)
        : { regressions: [], improvements: [] };
    const changed =
      !isTopologyEmpty(topology) || figuresChanged(figures) || scenarios.some((s) => s.changed);
    return {
      id: (a ?? b)?.id ?? '',
      baseId: b?.id ?? null,
      name: (a ?? b)?.name ?? '',
      status: !b ? 'added' : !a ? 'removed' : changed ? 'changed' : 'unchanged',
      topology,
      figures,
      scenarios,
      ...judged,
    };
  });

  const sum = (f: (v: VariantDiff) => number): number =>
    variants.reduce((total, v) => total + f(v), 0);
  const variantsChanged = variants.filter((v) => v.status !== 'unchanged').length;
  return {
    ok: true,
    diff: {
      format: DIFF_FORMAT,
      base: base.side,
      head: head.side,
      priceBookAsOf: options.priceBook.asOf,
      importedPrices: options.importedPrices ?? null,
      document,
      variants,
      summary: {
        designChanged: variantsChanged > 0 || !isDocumentUnchanged(document),
        variantsChanged,
        layoutChanges: sum((v) => v.topology.layoutChanges),
        regressions: sum((v) => v.regressions.length),
        improvements: sum((v) => v.improvements.length),
      },
    },
  };
}

type Pair = readonly [Variant | undefined, Variant | undefined];

/**
 * The variants to compare: the pair asked for, or every head variant with the base's of the same
 * id (in the head's order), then the base's variants the head lacks.
 */
function pairVariants(
  base: NinesDocument,
  head: NinesDocument,
  asked: DiffOptions['variant'],
): { ok: true; pairs: Pair[] } | { ok: false; message: string } {
  if (asked) {
    const b = base.variants.find((v) => v.id === asked.base);
    const a = head.variants.find((v) => v.id === asked.head);
    if (!b) return { ok: false, message: noVariant('base', asked.base, base) };
    if (!a) return { ok: false, message: noVariant('head', asked.head, head) };
    return { ok: true, pairs: [[b, a]] };
  }
  const headIds = new Set(head.variants.map((v) => v.id));
  return {
    ok: true,
    pairs: [
      ...head.variants.map((a): Pair => [base.variants.find((v) => v.id === a.id), a]),
      ...base.variants.filter((b) => !headIds.has(b.id)).map((b): Pair => [b, undefined]),
    ],
  };
}

function noVariant(side: string, id: string, doc: NinesDocument): string {
  return `the ${side} has no variant "${id}" (it has ${doc.variants.map((v) => `"${v.id}"`).join(', ')})`;
}
