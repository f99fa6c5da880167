/**
 * Routes a large design's edges off the window's thread (useCanvasRoutes.ts): one request in
 * (a layout's boxes, and the routes of an earlier layout to keep what still holds), its routes
 * out, tagged with the request's number so that the window drops a stale answer.
 */
import { routeRequest, type CanvasRouting, type RoutingRequest } from './routes';

/** A request to the routing worker. */
export interface RoutingMessage {
  readonly seq: number;
  readonly request: RoutingRequest;
  readonly previous?: CanvasRouting;
}

/** The routing worker's answer to request `seq`. */
export interface RoutingAnswer {
  readonly seq: number;
  readonly routing: CanvasRouting;
}

self.onmessage = (event: MessageEvent<RoutingMessage>) => {
  const { seq, request, previous } = event.data;
  const answer: RoutingAnswer = { seq, routing: routeRequest(request, previous) };
  self.postMessage(answer);
};
