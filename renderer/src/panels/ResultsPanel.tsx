import { regionTrafficShares } from '../../../shared/model/traffic';
import type { NinesDocument, Scenario, Variant } from '../../../shared/model/types';
import { formatDuration, formatNumber, formatPercent, formatUsd } from '../app/format';
import { displayName } from '../canvas/describe';
import { usePlanner } from '../store/context';
import { selectActiveVariant } from '../store/selectors';

/**
 * The results column: what the design must achieve (targets), the load it carries (workload)
 * and the failure scenarios it is judged against. The computed figures (availability, cost,
 * each scenario's outcome) join here once the engine is wired in; nothing here is estimated.
 */
export function ResultsPanel() {
  const document = usePlanner((s) => s.document);
  const variant = usePlanner(selectActiveVariant);
  if (!document || !variant) return null;
  return (
    <section className="panel results" data-testid="results" aria-label="Targets and workload">
      <Targets document={document} />
      <Workload document={document} variant={variant} />
      <Scenarios scenarios={document.scenarios ?? []} variant={variant} />
    </section>
  );
}

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="field is-set" data-testid={testId}>
      <dt>{label}</dt>
      <dd className="num">{value}</dd>
    </div>
  );
}

function Targets({ document }: { document: NinesDocument }) {
  const t = document.targets ?? {};
  const rows: [string, string | undefined][] = [
    ['Availability', t.availability === undefined ? undefined : formatPercent(t.availability)],
    ['RTO', t.rtoSeconds === undefined ? undefined : formatDuration(t.rtoSeconds)],
    ['RPO', t.rpoSeconds === undefined ? undefined : formatDuration(t.rpoSeconds)],
    [
      'Max. tolerable downtime',
      t.mtdSeconds === undefined ? undefined : formatDuration(t.mtdSeconds),
    ],
    ['Impact level', t.impact],
    [
      'Downtime cost',
      t.downtimeCostPerHour === undefined ? undefined : `${formatUsd(t.downtimeCostPerHour)} / h`,
    ],
  ];
  const given = rows.filter((r): r is [string, string] => r[1] !== undefined);
  return (
    <div className="field-group">
      <h3 className="field-group__title">Targets</h3>
      {given.length === 0 ? (
        <p className="panel__empty">The document sets no targets.</p>
      ) : (
        <dl className="fields">
          {given.map(([label, value]) => (
            <Row key={label} label={label} value={value} />
          ))}
        </dl>
      )}
    </div>
  );
}

function Workload({ document, variant }: { document: NinesDocument; variant: Variant }) {
  const w = document.workload ?? {};
  const rows: [string, number | undefined, string][] = [
    ['Requests', w.requestsPerSecond, 'req/s'],
    ['Writes', w.writesPerSecond, 'writes/s'],
    ['Average write', w.avgWriteBytes, 'bytes'],
    ['Data set', w.dataSetGiB, 'GiB'],
    ['Internet egress', w.egressGiBPerMonth, 'GiB / month'],
  ];
  const shares = [...regionTrafficShares(document, variant)];
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  return (
    <div className="field-group">
      <h3 className="field-group__title">Workload</h3>
      <dl className="fields">
        {rows
          .filter((r): r is [string, number, string] => r[1] !== undefined)
          .map(([label, value, unit]) => (
            <Row key={label} label={label} value={`${formatNumber(value)} ${unit}`} />
          ))}
      </dl>
      {shares.length > 0 && (
        <div className="traffic" aria-label="Traffic per region">
          {shares.map(([region, share]) => {
            const node = byId.get(region);
            return (
              <div className="traffic__row" key={region}>
                <span className="traffic__name">{node ? displayName(node) : region}</span>
                <span className="traffic__bar" aria-hidden>
                  <span style={{ width: `${share * 100}%` }} />
                </span>
                <span className="traffic__share num">{formatNumber(share * 100)} %</span>
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

function Scenarios({ scenarios, variant }: { scenarios: readonly Scenario[]; variant: Variant }) {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const name = (id: string) => {
    const [nodeId = id, instance] = id.split('#');
    const node = byId.get(nodeId);
    const base = node ? displayName(node) : nodeId;
    return instance === undefined ? base : `${base} #${instance}`;
  };
  return (
    <div className="field-group">
      <h3 className="field-group__title">Scenarios</h3>
      {scenarios.length === 0 ? (
        <p className="panel__empty">The document defines no failure scenarios.</p>
      ) : (
        <ul className="scenarios">
          {scenarios.map((s) => (
            <li key={s.id} className="scenario" data-testid={`scenario-${s.id}`}>
              <span className="scenario__name">{s.name}</span>
              <span className="scenario__what">{describeScenario(s, name)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What a scenario does, in a few words: `fails us-east-1a; cuts us-east-1 ↔ eu-west-1`. */
export function describeScenario(scenario: Scenario, name: (id: string) => string): string {
  const parts: string[] = [];
  if (scenario.fail?.length) parts.push(`fails ${scenario.fail.map(name).join(', ')}`);
  for (const [a, b] of scenario.partition ?? []) parts.push(`cuts ${name(a)} ↔ ${name(b)}`);
  if (scenario.shift) {
    const { from, to, share } = scenario.shift;
    parts.push(
      `moves ${formatNumber(share * 100)} % of ${name(from)}'s traffic to ${to ? name(to) : 'the other regions'}`,
    );
  }
  if (scenario.corrupt?.length) parts.push(`corrupts ${scenario.corrupt.map(name).join(', ')}`);
  return parts.join('; ') || 'forces nothing down';
}
