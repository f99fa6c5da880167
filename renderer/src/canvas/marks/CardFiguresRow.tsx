import { formatShare } from '../../../../shared/text';
import { costText, downtimeText, type CardFigures } from './card-figures';
import './marks.css';

/** A card's figures (the toolbar's toggle): its monthly cost and its share of the downtime. */
export function CardFiguresRow({ figures }: { figures: CardFigures }) {
  const { cost, downtime } = figures;
  return (
    <span className="card-figures" data-testid="card-figures">
      {cost && (
        <span
          className={`card-figures__cost${cost.unpriced > 0 ? ' is-unpriced' : ''}`}
          data-testid="card-cost"
          title={
            cost.unpriced > 0
              ? `${cost.unpriced} item${cost.unpriced === 1 ? '' : 's'} of it not priced (see the cost in the results)`
              : 'Monthly cost of its lines in the cost estimate'
          }
        >
          {costText(cost)}
        </span>
      )}
      {downtime && (
        <span
          className="card-figures__downtime"
          data-testid="card-downtime"
          title={
            downtime.isExact
              ? `Its failure takes part in ${formatShare(downtime.share)} of the structural downtime (Fussell–Vesely importance)`
              : `Its most important instance takes part in ${formatShare(downtime.share)} of the structural downtime (Fussell–Vesely importance); the tier as a whole in at least as much`
          }
        >
          {downtimeText(downtime)}
        </span>
      )}
    </span>
  );
}
