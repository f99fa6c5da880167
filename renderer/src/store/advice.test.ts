import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyFix } from '../../../shared/model/ops/fixes';
import { parseDocumentText } from '../../../shared/schema/parse';
import warmStandby from '../../../assets/templates/warm-standby-2-regions.nines.json?raw';
import {
  AdviceWorker,
  changesOfFix,
  PROGRESS_DELAY_MS,
  withHighlight,
  type AdviceState,
  type AdviceWorkerPort,
} from './advice';
import type { AdviceMessage, AdviceRequest } from './advice.worker';

const parsed = parseDocumentText(warmStandby);
if (!parsed.ok) throw new Error('the warm standby template does not parse');
const template = parsed.document;
const variantId = template.variants[0]?.id ?? '';

describe('changesOfFix', () => {
  it('names the field a fix sets on a node', () => {
    const fixed = applyFix(template, variantId, { kind: 'set-witness', nodeId: 'redis-use1' });
    expect(changesOfFix(template, variantId, fixed)).toEqual({
      changed: [{ id: 'redis-use1', fields: [['witness', false, true]] }],
      added: [],
    });
  });

  it('lists an added node and the node its new edge reaches', () => {
    const fixed = applyFix(template, variantId, {
      kind: 'add-backup',
      datastoreId: 'redis-euw1',
      backupId: 'backup-2',
      regionId: 'euw1',
    });
    expect(changesOfFix(template, variantId, fixed)).toEqual({
      changed: [{ id: 'redis-euw1', fields: [] }],
      added: ['backup-2'],
    });
  });
});

describe('withHighlight', () => {
  it('puts the highlight over the results marks without changing them', () => {
    const marks = new Map([
      ['dns', 'spof' as const],
      ['app', 'cut' as const],
    ]);
    const shown = withHighlight(marks, { kind: 'finding', nodeIds: new Set(['dns']) });
    expect([...shown]).toEqual([
      ['dns', 'finding'],
      ['app', 'cut'],
    ]);
    expect(marks.get('dns')).toBe('spof');
    expect(withHighlight(marks, null)).toBe(marks);
  });
});

/** A stand-in for the advice worker: records what it is sent, answers when told. */
class FakeWorker implements AdviceWorkerPort {
  readonly sent: AdviceRequest[] = [];
  onmessage: ((event: MessageEvent<AdviceMessage>) => void) | null = null;
  postMessage(message: AdviceRequest): void {
    this.sent.push(message);
  }
  answer(message: AdviceMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<AdviceMessage>);
  }
}

describe('AdviceWorker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    const port = new FakeWorker();
    const advice = new AdviceWorker(() => port);
    const states: AdviceState[] = [];
    advice.subscribe((s) => states.push(s));
    const last = () => states.at(-1) as AdviceState;
    return { port, advice, states, last };
  }
  /** The template with one more instance of a tier: another topology. */
  const edited = applyFix(template, variantId, {
    kind: 'scale-tier',
    nodeId: 'app-euw1',
    instances: 9,
  });

  it('shows no progress for a review that answers within the delay', () => {
    const { port, states, last, advice } = setup();
    advice.request(template, variantId);
    expect(port.sent).toMatchObject([{ type: 'review', seq: 1, variantId }]);
    expect(last()).toMatchObject({ isPending: true, isSlow: false });
    port.answer({ type: 'progress', seq: 1, fraction: 0.5 });
    vi.advanceTimersByTime(PROGRESS_DELAY_MS - 1);
    port.answer({ type: 'done', seq: 1, findings: [], issues: [], truncated: null });
    vi.advanceTimersByTime(PROGRESS_DELAY_MS);
    expect(states.every((s) => !s.isSlow)).toBe(true);
    expect(last()).toMatchObject({ isPending: false, isCancelled: false, document: template });
  });

  it('shows the progress of a slow review, and a cancel stops it', () => {
    const { port, last, advice } = setup();
    advice.request(template, variantId);
    vi.advanceTimersByTime(PROGRESS_DELAY_MS);
    expect(last()).toMatchObject({ isPending: true, isSlow: true, fraction: 0 });
    port.answer({ type: 'progress', seq: 1, fraction: 0.42 });
    expect(last().fraction).toBe(0.42);
    advice.cancel();
    expect(port.sent.at(-1)).toEqual({ type: 'cancel', seq: 1 });
    expect(last()).toMatchObject({
      isPending: false,
      isSlow: false,
      isCancelled: true,
      fraction: 0.42,
      findings: [],
      document: template,
    });
    // An answer that crossed the cancel is dropped.
    port.answer({ type: 'done', seq: 1, findings: [], issues: [], truncated: null });
    expect(last().isCancelled).toBe(true);
    // The same topology does not run it again; Run again does.
    advice.request(template, variantId);
    expect(port.sent).toHaveLength(2);
    advice.retry();
    expect(port.sent.at(-1)).toMatchObject({ type: 'review', seq: 2 });
    expect(last()).toMatchObject({ isPending: true, isCancelled: false });
  });

  it('lets a newer topology supersede a running review, keeping its progress bar', () => {
    const { port, last, advice } = setup();
    advice.request(template, variantId);
    vi.advanceTimersByTime(PROGRESS_DELAY_MS);
    advice.request(edited, variantId);
    expect(port.sent.map((m) => [m.type, m.seq])).toEqual([
      ['review', 1],
      ['review', 2],
    ]);
    expect(last()).toMatchObject({ isPending: true, isSlow: true, fraction: 0 });
    port.answer({ type: 'done', seq: 1, findings: [], issues: [], truncated: null });
    expect(last().isPending).toBe(true);
    port.answer({ type: 'done', seq: 2, findings: [], issues: [], truncated: null });
    expect(last()).toMatchObject({ isPending: false, document: edited });
  });

  it('reports a review the worker stopped as cancelled', () => {
    const { port, last, advice } = setup();
    advice.request(template, variantId);
    port.answer({ type: 'cancelled', seq: 1, fraction: 0.1 });
    expect(last()).toMatchObject({ isPending: false, isCancelled: true, fraction: 0.1 });
  });
});
