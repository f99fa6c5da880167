/** "Improve this first": the events that weigh most in the structural unavailability. */
import type { EventImportance } from '../../../../shared/engine';
import { derivedEventLabel } from '../../../../shared/model/nodes';
import type { Variant } from '../../../../shared/model/types';
import { formatShare } from '../../../../shared/text';
import type { NameOf } from './tornado-spec';

/** Events listed under "improve this first". */
const MAX_IMPORTANT = 5;

/** An event (`app#2`, `link:a|b`, `cause:deploy`, `app#ccf`) by the names of its nodes. */
function eventLabel(event: string, name: NameOf, variant: Variant): string {
  const common = derivedEventLabel(variant, event, name);
  if (common !== undefined) return common;
  if (event.startsWith('link:')) {
    const [a = '', b = ''] = event.slice(5).split('|');
    return `link ${name(a)} ↔ ${name(b)}`;
  }
  const [nodeId = event, instance] = event.split('#');
  return instance === undefined ? name(nodeId) : `${name(nodeId)} #${instance}`;
}

/** The events of largest Fussell–Vesely importance, with their Birnbaum importance. */
export function ImprovementList({
  importance,
  name,
  variant,
}: {
  importance: readonly EventImportance[];
  name: NameOf;
  variant: Variant;
}) {
  const top = importance.filter((e) => e.fussellVesely > 0).slice(0, MAX_IMPORTANT);
  if (top.length === 0) return null;
  return (
    <ol className="improve-first" data-testid="improve-first">
      {top.map((e) => (
        <li key={e.event}>
          <span>{eventLabel(e.event, name, variant)}</span>
          <span
            className="num"
            title="Fussell–Vesely: share of the structural unavailability it takes part in; Birnbaum: how much availability depends on it"
          >
            FV {formatShare(e.fussellVesely)} · B {e.birnbaum.toPrecision(2)}
          </span>
        </li>
      ))}
    </ol>
  );
}
