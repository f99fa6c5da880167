import { describe, expect, it } from 'vitest';
import { scenarioTime } from './scenario-time';

describe('scenarioTime', () => {
  it('reads a known figure as a duration', () => {
    expect(scenarioTime({ seconds: 300, parts: [{ seconds: 300 }] }, 'rto')).toEqual({
      text: '5\u00a0min',
    });
  });

  it('reads a null figure with a part of unknown time as unknown, with the reason', () => {
    const figure = {
      seconds: null,
      parts: [{ seconds: 60 }, { seconds: null }],
      reason: 'the restore time of db is unknown',
    };
    expect(scenarioTime(figure, 'rto')).toEqual({
      text: 'unknown',
      reason: 'the restore time of db is unknown',
    });
    expect(scenarioTime(figure, 'rpo').text).toBe('unknown');
  });

  it('reads a null figure that nothing ends as never, or an unbounded RPO', () => {
    const figure = { seconds: null, parts: [], reason: 'nothing failed that can be repaired' };
    expect(scenarioTime(figure, 'rto')).toEqual({
      text: 'never',
      reason: 'nothing failed that can be repaired',
    });
    expect(scenarioTime(figure, 'full').text).toBe('never');
    expect(scenarioTime({ seconds: null, parts: [] }, 'rpo')).toEqual({ text: 'unbounded' });
  });
});
