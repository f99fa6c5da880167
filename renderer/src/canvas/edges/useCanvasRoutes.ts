/**
 * Routing of large designs off the window's thread, so that opening one (a generated 33-region
 * design takes seconds to route from nothing) or dropping a card in it never freezes the window.
 * The canvas draws the routes that last arrived (edges whose ends moved since are drawn between
 * facing sides, PlanEdges.tsx) and asks a worker for the routes of each new layout; a newer
 * layout supersedes a request still running (the worker is replaced, its answer never comes).
 * Small designs are routed in the window, within the frame that draws them (to-flow.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Variant } from '../../../../shared/model/types';
import { canvasRoutingRequest, type RoutedElsewhere } from '../to-flow';
import type { CanvasRouting, RoutingRequest } from './routes';
import type { RoutingAnswer, RoutingMessage } from './routes.worker';

/**
 * Variants with more nodes than this are routed in a worker. Measured from nothing with
 * `routeRequest` in Node on the shared 2-core machine (load about 10): the templates (8–25
 * nodes) 1–50 ms (190 ms for the three-region one as the first compiled the router); generated
 * designs of 3 regions (31 nodes) 90 ms, 12 regions (112 nodes) 0.36 s, 33 regions (301 nodes)
 * 1.7 s, 40 regions (364 nodes) 2.4 s.
 */
export const ROUTING_WORKER_NODE_THRESHOLD = 80;

/**
 * One routing worker at a time: a request for another layout while one runs replaces the
 * worker (its answer would be stale); a request for the layout being routed waits for it.
 */
class RoutingWorker {
  private worker: Worker | undefined;
  private seq = 0;
  /** What the request under way is for (variant and layout), and who awaits its routes. */
  private running: { readonly tag: string; then: (routing: CanvasRouting) => void } | undefined;

  /**
   * Routes `request` of variant `variantId` (keeping what holds of `previous`) and hands the
   * routes to `then`.
   */
  route(
    variantId: string,
    request: RoutingRequest,
    previous: CanvasRouting | undefined,
    then: (routing: CanvasRouting) => void,
  ): void {
    const tag = `${variantId}\n${request.key}`;
    if (this.running?.tag === tag) {
      this.running.then = then;
      return;
    }
    if (this.running) this.dispose();
    const worker = (this.worker ??= this.start());
    this.seq += 1;
    const seq = this.seq;
    const running = { tag, then };
    this.running = running;
    worker.onmessage = (event: MessageEvent<RoutingAnswer>) => {
      if (event.data.seq !== seq) return;
      this.running = undefined;
      running.then(event.data.routing);
    };
    const message: RoutingMessage = { seq, request, ...(previous ? { previous } : {}) };
    worker.postMessage(message);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.running = undefined;
  }

  private start(): Worker {
    return new Worker(new URL('./routes.worker.ts', import.meta.url), { type: 'module' });
  }
}

/** The routes of the canvas of a large variant, and whether the current layout's are still to come. */
export interface CanvasRoutes {
  /** Routes made by the worker for toFlow; undefined for a small variant (toFlow routes it). */
  readonly routed: RoutedElsewhere | undefined;
  readonly isPending: boolean;
}

/**
 * The worker's routes for `variant`'s canvas: requested whenever its layout changes, the last
 * answer kept (and sent with the next request, so that only what a change disturbed is routed
 * again). Routes of another variant are never shown.
 */
export function useCanvasRoutes(variant: Variant | undefined): CanvasRoutes {
  const isLarge = (variant?.nodes.length ?? 0) > ROUTING_WORKER_NODE_THRESHOLD;
  const variantId = variant?.id;
  const request = useMemo(
    () => (variant && isLarge ? canvasRoutingRequest(variant) : undefined),
    [variant, isLarge],
  );
  const [arrived, setArrived] = useState<{ variantId: string; routing: CanvasRouting }>();
  const [worker] = useState(() => new RoutingWorker());
  useEffect(() => () => worker.dispose(), [worker]);

  const kept = request && arrived && arrived.variantId === variantId ? arrived.routing : undefined;
  useEffect(() => {
    if (!request || variantId === undefined || request.key === kept?.key) return;
    worker.route(variantId, request, kept, (routing) => setArrived({ variantId, routing }));
    // `kept` changes only when an answer arrives, which asks for nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [worker, request]);

  const routed = useMemo(() => (request ? { routing: kept } : undefined), [request, kept]);
  return { routed, isPending: request !== undefined && request.key !== kept?.key };
}
