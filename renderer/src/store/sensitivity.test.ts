import { describe, expect, it } from 'vitest';
import { applyFix } from '../../../shared/model/ops/fixes';
import { parseDocumentText } from '../../../shared/schema/parse';
import warmStandby from '../../../assets/templates/warm-standby-2-regions.nines.json?raw';
import {
  SensitivityWorker,
  type SensitivityMessage,
  type SensitivityRequest,
  type SensitivityState,
  type SensitivityWorkerPort,
} from './sensitivity';

const parsed = parseDocumentText(warmStandby);
if (!parsed.ok) throw new Error('the warm standby template does not parse');
const template = parsed.document;
const variantId = template.variants[0]?.id ?? '';

/** A stand-in for one sensitivity worker: records what it is sent and whether it was ended. */
class FakeWorker implements SensitivityWorkerPort {
  readonly sent: SensitivityRequest[] = [];
  isTerminated = false;
  onmessage: ((event: MessageEvent<SensitivityMessage>) => void) | null = null;
  postMessage(message: SensitivityRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.isTerminated = true;
  }
  answer(message: SensitivityMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<SensitivityMessage>);
  }
}

function setup() {
  const ports: FakeWorker[] = [];
  const sensitivity = new SensitivityWorker(() => {
    const port = new FakeWorker();
    ports.push(port);
    return port;
  });
  const states: SensitivityState[] = [];
  sensitivity.subscribe((s) => states.push(s));
  const last = () => states.at(-1) as SensitivityState;
  const requests = () => ports.flatMap((p) => p.sent);
  return { ports, sensitivity, last, requests };
}

/** The template with one more instance of a tier: another topology. */
const rescaled = applyFix(template, variantId, {
  kind: 'scale-tier',
  nodeId: 'app-euw1',
  instances: 9,
});
/** The template laid out again (a new layout of each variant): the same topology, another document. */
const moved = {
  ...template,
  variants: template.variants.map((v) => ({ ...v, layout: { ...v.layout } })),
};

describe('SensitivityWorker', () => {
  it('reports progress, then the result of the topology it ran on', () => {
    const { ports, sensitivity, last } = setup();
    sensitivity.request(template, variantId);
    expect(last()).toMatchObject({ running: { done: 0, total: 0 }, isCancelled: false });
    ports[0]?.answer({ type: 'progress', seq: 1, done: 3, total: 40 });
    expect(last().running).toEqual({ done: 3, total: 40 });
    ports[0]?.answer({ type: 'done', seq: 1, result: null });
    expect(last()).toMatchObject({ running: null, document: template, variantId });
  });

  it('a Cancel holds while only the layout changes; Run again or a new topology runs again', () => {
    const { ports, sensitivity, last, requests } = setup();
    sensitivity.request(template, variantId);
    sensitivity.cancel();
    expect(ports[0]?.isTerminated).toBe(true);
    expect(last()).toMatchObject({ running: null, isCancelled: true });
    // An auto-layout landing after the Cancel: a new document, the same topology.
    expect(moved).not.toBe(template);
    sensitivity.request(moved, variantId);
    expect(requests()).toHaveLength(1);
    expect(last().isCancelled).toBe(true);
    sensitivity.retry();
    expect(requests()).toHaveLength(2);
    expect(last()).toMatchObject({ running: { done: 0, total: 0 }, isCancelled: false });
    sensitivity.cancel();
    sensitivity.request(rescaled, variantId);
    expect(requests().map((r) => r.document)).toEqual([template, template, rescaled]);
    expect(last().isCancelled).toBe(false);
  });

  it('a newer topology ends the run before it, whose late answers are dropped', () => {
    const { ports, sensitivity, last } = setup();
    sensitivity.request(template, variantId);
    sensitivity.request(rescaled, variantId);
    expect(ports[0]?.isTerminated).toBe(true);
    ports[0]?.answer({ type: 'done', seq: 1, result: null });
    expect(last().running).toEqual({ done: 0, total: 0 });
    ports[1]?.answer({ type: 'done', seq: 2, result: null });
    expect(last()).toMatchObject({ running: null, document: rescaled });
  });

  it('a closed panel ends the run, and the panel opened again starts over', () => {
    const { ports, sensitivity, last, requests } = setup();
    sensitivity.request(template, variantId);
    sensitivity.end();
    expect(ports[0]?.isTerminated).toBe(true);
    expect(last()).toMatchObject({ running: null, isCancelled: false });
    sensitivity.request(template, variantId);
    expect(requests()).toHaveLength(2);
    expect(last().running).toEqual({ done: 0, total: 0 });
  });
});
