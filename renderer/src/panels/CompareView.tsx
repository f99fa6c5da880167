import { ArrowLeft } from 'lucide-react';
import { useMemo, useRef } from 'react';
import type { PriceBook } from '../../../shared/catalog/price-book';
import { availabilityFromReport } from '../../../shared/engine';
import { compare, evaluate, type Comparison, type VariantEvaluation } from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';
import { exportFileStem } from '../app/file-names';
import { usePlanner } from '../store/context';
import { usePriceBook } from '../hooks/usePriceBook';
import '../styles/compare.css';
import { ChartExport } from './ChartExport';
import { ParetoChart } from './ParetoChart';
import { ScenarioMatrix } from './ScenarioMatrix';
import {
  formatAvailability,
  formatMinutesPerYear,
  formatNines,
  formatSignedUsd,
  formatUsd,
} from '../../../shared/text';

/** Every variant evaluated, and their comparison as `nines compare` makes it. */
export interface DocumentComparison {
  readonly evaluations: readonly VariantEvaluation[];
  readonly comparison: Comparison;
}

/**
 * Evaluates every variant of `document` and compares them as `nines compare` does: availability
 * and downtime from the engine, a scenario that misses its RTO, RPO or MTD as a missed target,
 * costs from `priceBook`.
 */
export function compareDocument(document: NinesDocument, priceBook: PriceBook): DocumentComparison {
  const report = evaluate(document, undefined, { priceBook });
  const comparison = compare(document, {
    priceBook,
    availabilityOf: availabilityFromReport(document, report),
  });
  return { evaluations: report.variants, comparison };
}

function usd(value: number, isComplete: boolean): string {
  return `${isComplete ? '' : '≥ '}${formatUsd(value)}`;
}

/**
 * The comparison view (toolbar "Compare", or `?view=compare`): every variant's availability,
 * nines, downtime and costs, ranked as `nines compare` ranks them, the chart of nines against
 * cost with its Pareto frontier, what each extra nine costs, and the scenario × variant matrix.
 */
export function CompareView() {
  const document = usePlanner((s) => s.document);
  const setView = usePlanner((s) => s.setView);
  const setActiveVariant = usePlanner((s) => s.setActiveVariant);
  const chartRef = useRef<HTMLDivElement>(null);
  const book = usePriceBook(document);
  const result = useMemo(
    () => (document ? compareDocument(document, book) : undefined),
    [document, book],
  );
  if (!document || !result) return null;
  const { comparison, evaluations } = result;
  const first = comparison.variants[0];
  const recommendedId = first?.meetsTargets ? first.id : null;
  const target = document.targets?.availability;
  const targetNines = target === undefined || target >= 1 ? null : -Math.log10(1 - target);
  const nameOf = new Map(comparison.variants.map((v) => [v.id, v.name]));
  const open = (variantId: string) => {
    setActiveVariant(variantId);
    setView('design');
  };
  return (
    <main className="compare" data-testid="compare-view" aria-label="Compare variants">
      <header className="compare__header">
        <button type="button" className="tool" onClick={() => setView('design')}>
          <ArrowLeft size={15} aria-hidden /> Back to the design
        </button>
        <h2 className="compare__title">Compare variants</h2>
        <span className="compare__aside">
          prices as of {comparison.priceBookAsOf}
          {target === undefined ? '' : ` · availability target ${formatAvailability(target)}`}
        </span>
      </header>
      <section className="compare__section">
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Variant</th>
              <th scope="col" className="num">
                Availability
              </th>
              <th scope="col" className="num">
                Nines
              </th>
              <th scope="col" className="num">
                Downtime
              </th>
              <th scope="col" className="num">
                Monthly
              </th>
              <th scope="col" className="num" title="12 × monthly + expected downtime cost">
                Yearly total
              </th>
              <th scope="col">Targets</th>
            </tr>
          </thead>
          <tbody>
            {comparison.variants.map((v) => (
              <tr
                key={v.id}
                data-testid={`compare-row-${v.id}`}
                className={v.id === recommendedId ? 'is-recommended' : undefined}
              >
                <td className="num">{v.rank}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => open(v.id)}>
                    {v.name}
                  </button>
                  {v.id === recommendedId && <span className="badge">recommended</span>}
                </td>
                <td className="num">
                  {v.availability === null ? '—' : formatAvailability(v.availability)}
                </td>
                <td className="num">
                  {v.nines === null ? '—' : formatNines(v.nines, { bare: true })}
                </td>
                <td className="num">
                  {v.downtimeMinutesPerYear === null
                    ? '—'
                    : formatMinutesPerYear(v.downtimeMinutesPerYear)}
                </td>
                <td
                  className="num"
                  title={
                    v.isComplete
                      ? undefined
                      : `Not priced:\n${v.cost.unpriced.map((u) => `${u.nodeId}: ${u.reason}`).join('\n')}`
                  }
                >
                  {usd(v.monthlyUsd, v.isComplete)}
                </td>
                <td
                  className="num"
                  title={
                    v.expectedDowntimeCostPerYear === null
                      ? 'infrastructure only: the document gives no cost of downtime'
                      : `${usd(v.yearlyInfrastructureUsd, v.isComplete)} infrastructure + ${formatUsd(v.expectedDowntimeCostPerYear)} expected downtime`
                  }
                >
                  {usd(v.yearlyTotal, v.isComplete)}
                </td>
                <td data-testid="targets">
                  {v.meetsTargets ? (
                    <span className="is-pass">met</span>
                  ) : (
                    <span className="is-fail">missed: {v.misses.join('; ')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="compare__row">
        <section className="compare__section" aria-label="Availability against cost">
          <h3 className="field-group__title">
            Nines against yearly cost
            <span className="field-group__aside">
              dots numbered by rank · line: Pareto frontier
            </span>
          </h3>
          <div ref={chartRef} className="compare__chart">
            <ParetoChart
              variants={comparison.variants}
              recommendedId={recommendedId}
              targetNines={targetNines}
            />
          </div>
          <ChartExport
            chartRef={chartRef}
            fileStem={exportFileStem(document, 'nines against cost')}
          />
        </section>
        <section className="compare__section" aria-label="What each extra nine costs">
          <h3 className="field-group__title">What each extra nine costs</h3>
          {comparison.steps.length === 0 ? (
            <p className="panel__empty">Fewer than two variants could be evaluated.</p>
          ) : (
            <ul className="nine-steps" data-testid="nine-steps">
              {comparison.steps.map((s) => (
                <li key={`${s.from}-${s.to}`}>
                  <span>
                    {nameOf.get(s.from)} → {nameOf.get(s.to)}
                  </span>
                  <span className="num">
                    +{formatNines(s.extraNines)}, {formatSignedUsd(s.extraYearlyUsd)} / yr
                    {s.usdPerNinePerYear === null || s.extraNines < 0.01
                      ? ' · no measurable extra nine'
                      : ` · ${formatUsd(s.usdPerNinePerYear)} per nine`}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="compare__note">
            Yearly infrastructure cost between neighbours in availability.
          </p>
        </section>
      </div>
      <section className="compare__section" aria-label="Scenarios against variants">
        <h3 className="field-group__title">Scenarios × variants</h3>
        <ScenarioMatrix document={document} evaluations={evaluations} />
      </section>
    </main>
  );
}
