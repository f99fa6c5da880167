import { describe, expect, it } from 'vitest';
import {
  DURATION_MESSAGE,
  fromInputText,
  messageInUnit,
  parseDuration,
  percentHint,
  toInputText,
} from './field-input';

describe('parseDuration', () => {
  it.each([
    ['30 s', 30],
    ['90s', 90],
    ['5 min', 300],
    ['5m', 300],
    ['1 h', 3600],
    ['1.5h', 5400],
    ['2 d', 172_800],
    ['250 ms', 0.25],
    ['1 h 30 min', 5400],
    ['2 Hours', 7200],
    ['.5 day', 43_200],
    ['1,200 s', 1200],
  ])('reads %s as %d s', (text, seconds) => {
    expect(parseDuration(text, 1)).toBe(seconds);
  });

  it('reads a number alone in the field’s own unit', () => {
    expect(parseDuration('2', 3600)).toBe(7200);
    expect(parseDuration('45', 1)).toBe(45);
    expect(parseDuration('-5', 1)).toBe(-5);
  });

  it.each(['5 fortnights', 'h', '5 min later', 'soon', '5 - 3 s', '1 h 30'])(
    'cannot read %s',
    (text) => {
      expect(parseDuration(text, 1)).toBeNull();
    },
  );
});

describe('time fields', () => {
  it('store a time with a unit in the field’s unit, and show it back in that unit', () => {
    expect(fromInputText('5 min', 'seconds')).toEqual({ ok: true, value: 300 });
    expect(toInputText(300, 'seconds')).toBe('300');
    expect(fromInputText('90 min', 'hours')).toEqual({ ok: true, value: 1.5 });
    expect(fromInputText('2 s', 'ms')).toEqual({ ok: true, value: 2000 });
    expect(fromInputText('2 d', 'days')).toEqual({ ok: true, value: 2 });
    expect(fromInputText('12 h', 'days')).toEqual({ ok: true, value: 0.5 });
    expect(fromInputText('30', 'seconds')).toEqual({ ok: true, value: 30 });
  });

  it('name the accepted units when a time cannot be read', () => {
    expect(fromInputText('5 fortnights', 'seconds')).toEqual({
      ok: false,
      message: DURATION_MESSAGE,
    });
    expect(DURATION_MESSAGE).toContain('ms, s, min, h, d');
  });
});

describe('percent fields', () => {
  it('read a percentage, with or without its sign, into a probability', () => {
    expect(fromInputText('99.99', 'probability')).toEqual({ ok: true, value: 0.9999 });
    expect(fromInputText('99.99 %', 'probability')).toEqual({ ok: true, value: 0.9999 });
    expect(toInputText(0.9999, 'probability')).toBe('99.99');
  });

  it('say "%" when a value is out of range or not a number', () => {
    expect(fromInputText('120', 'probability')).toEqual({
      ok: false,
      message: 'must be between 0 and 100 %',
    });
    expect(fromInputText('lots', 'probability')).toEqual({
      ok: false,
      message: 'must be a number of %',
    });
    expect(
      messageInUnit('availability: must be a probability between 0 and 1', 'probability'),
    ).toBe('availability: must be between 0 and 100 %');
    expect(messageInUnit('must be a probability between 0 and 1', 'count')).toBe(
      'must be a probability between 0 and 1',
    );
  });

  it('ask whether a fraction such as 0.9999 meant 99.99 %', () => {
    expect(percentHint('0.9999', 'probability')).toBe('99.99');
    expect(percentHint('0.5', 'probability')).toBe('50');
    expect(percentHint('.999', 'probability')).toBe('99.9');
  });

  it('ask nothing for a percentage, 0, 1, a value with its sign, or another unit', () => {
    for (const text of ['99.99', '0', '1', '0.9999 %', 'abc', '']) {
      expect(percentHint(text, 'probability'), text).toBeUndefined();
    }
    expect(percentHint('0.9999', 'seconds')).toBeUndefined();
  });
});
