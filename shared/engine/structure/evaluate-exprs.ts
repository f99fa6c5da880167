/**
 * The structure's values under a set of failed basic events: what works when exactly these
 * events are down. Used by the scenarios (what a scenario stops) and checked against the
 * simulation's incremental propagation.
 */
import type { Structure } from './types';

/** Value of every expression with the events in `down` failed and all others working. */
export function evaluateExprs(structure: Structure, down: ReadonlySet<number>): boolean[] {
  const values = new Array<boolean>(structure.exprs.length);
  structure.exprs.forEach((expr, id) => {
    switch (expr.op) {
      case 'const':
        values[id] = expr.value;
        break;
      case 'event':
        values[id] = !down.has(expr.event);
        break;
      case 'and':
        values[id] = expr.args.every((a) => values[a]);
        break;
      case 'or':
        values[id] = expr.args.some((a) => values[a]);
        break;
      case 'atLeast':
        values[id] = expr.args.filter((a) => values[a]).length >= expr.k;
        break;
    }
  });
  return values;
}
