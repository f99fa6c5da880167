/** The scenario timeline (docs/scenarios.md, "Status, served share and the timeline"), by hand. */
import { describe, expect, it } from 'vitest';
import { buildTimeline, chainOf, refusedHours, type TimelineStep } from './timeline';

const step = (seconds: number | null, servedShare: number, reason?: string): TimelineStep => ({
  decomposition: {
    seconds,
    parts: [{ kind: 'repair', nodeId: 'x', seconds }],
    ...(reason ? { reason } : {}),
  },
  servedShare,
});

describe('the scenario timeline', () => {
  it('full at once: RTO = time to full capacity = time to service; the interruption costs as if every request failed', () => {
    const t = buildTimeline([step(60, 1)], 1, 36_000, 'never');
    expect(t.rto.seconds).toBe(60);
    expect(t.fullCapacity.seconds).toBe(60);
    expect(t.phases).toEqual([
      { kind: 'interruption', fromSeconds: 0, toSeconds: 60, servedShare: 0 },
      { kind: 'full', fromSeconds: 60, toSeconds: null, servedShare: 1 },
    ]);
    // 60 s × $36,000/h = $600.
    expect(t.downtimeCostUsd).toBeCloseTo(600, 9);
  });

  it('degraded until a scale-out, then full: RTO waits for the minimum share', () => {
    // 40 % served after 90 s; the scale-out serves everything 300 s later; the repair at 4 h.
    const t = buildTimeline([step(90, 0.4), step(390, 1), step(14_400, 1)], 1, 36_000, 'never');
    expect(t.service.seconds).toBe(90);
    expect(t.rto.seconds).toBe(390);
    expect(t.fullCapacity.seconds).toBe(390);
    expect(t.phases.map((p) => [p.kind, p.fromSeconds, p.toSeconds, p.servedShare])).toEqual([
      ['interruption', 0, 90, 0],
      ['degraded', 90, 390, 0.4],
      ['full', 390, null, 1],
    ]);
    // (90 s × 1 + 300 s × 0.6) / 3600 h × $36,000 = 270 s × $10/s = $2,700.
    expect(t.downtimeCostUsd).toBeCloseTo(2_700, 9);
  });

  it('a lower minimum share is met by the degraded phase', () => {
    const t = buildTimeline([step(90, 0.4), step(14_400, 1)], 0.4, undefined, 'never');
    expect(t.rto.seconds).toBe(90);
    expect(t.fullCapacity.seconds).toBe(14_400);
    expect(t.downtimeCostUsd).toBeNull();
  });

  it('never full: time to full capacity and RTO are unknown with the reason, and the cost has no end', () => {
    const t = buildTimeline([step(0, 0.1)], 1, 36_000, 'a traffic shift has no end');
    expect(t.rto).toEqual({ seconds: null, parts: [], reason: 'a traffic shift has no end' });
    expect(t.fullCapacity.seconds).toBeNull();
    expect(t.phases).toEqual([
      { kind: 'degraded', fromSeconds: 0, toSeconds: null, servedShare: 0.1 },
    ]);
    expect(t.downtimeCostUsd).toBeNull();
  });

  it('a later step that serves no more changes nothing; steps are taken in time order', () => {
    const t = buildTimeline(
      [step(30, 0.5), step(7_200, 1), step(600, 0.5), step(300, 0.8)],
      1,
      undefined,
      'never',
    );
    expect(t.phases.map((p) => [p.kind, p.fromSeconds, p.servedShare])).toEqual([
      ['interruption', 0, 0],
      ['degraded', 30, 0.5],
      ['degraded', 300, 0.8],
      ['full', 7_200, 1],
    ]);
  });

  it('an unknown time to service makes everything unknown, never 0', () => {
    const t = buildTimeline([step(null, 1, 'no repair time')], 1, 36_000, 'never');
    expect(t.rto.seconds).toBeNull();
    expect(t.rto.reason).toBe('no repair time');
    expect(t.downtimeCostUsd).toBeNull();
  });

  it('a chain adds its parts; an unknown part makes it unknown with a reason', () => {
    expect(
      chainOf([
        { kind: 'decision', nodeId: 'ops', seconds: 900 },
        { kind: 'restore', nodeId: 'b', seconds: 270 },
      ]).seconds,
    ).toBe(1_170);
    const unknown = chainOf([{ kind: 'restore', nodeId: 'b', seconds: null }], 'no data set size');
    expect(unknown).toMatchObject({ seconds: null, reason: 'no data set size' });
  });
});

describe('refusedHours: the refused requests up to a horizon', () => {
  // Interruption 0–90 s, 40 % served 90–390 s, full from 390 s (the scale-out case above).
  const phases = buildTimeline([step(90, 0.4), step(390, 1)], 1, 36_000, 'never').phases;

  it('over the whole timeline: the hours the downtime cost is priced at', () => {
    // 90 s × 1 + 300 s × 0.6 = 270 s.
    expect(refusedHours(phases)).toBeCloseTo(270 / 3600, 12);
  });

  it('cut at a horizon: the interruption in full, the degraded phase up to the horizon', () => {
    expect(refusedHours(phases, 60)).toBeCloseTo(60 / 3600, 12);
    // 90 s + (190 − 90) s × 0.6 = 150 s.
    expect(refusedHours(phases, 190)).toBeCloseTo(150 / 3600, 12);
    expect(refusedHours(phases, 3600)).toBeCloseTo(270 / 3600, 12);
  });

  it('a phase without an end counts up to the horizon, and has no total', () => {
    const never = buildTimeline([step(0, 0.1)], 1, 36_000, 'no end').phases;
    expect(refusedHours(never, 3600)).toBeCloseTo(0.9, 12);
    expect(refusedHours(never)).toBeNull();
  });
});
