import { describe, expect, it } from 'vitest';
import { formatClock, formatRemaining, formatTimeOfDay, parseTimeOfDay } from './time';

describe('times of day', () => {
  it('reads and writes HH:MM as minutes since midnight, across noon', () => {
    expect(parseTimeOfDay('09:30')).toBe(570);
    expect(parseTimeOfDay('13:05')).toBe(785);
    expect(formatTimeOfDay(570)).toBe('09:30');
    expect(formatTimeOfDay(785)).toBe('13:05');
    expect(formatTimeOfDay(0)).toBe('00:00');
  });

  it('writes midnight at the end of the day as 24:00 and refuses anything later', () => {
    expect(formatTimeOfDay(1440)).toBe('24:00');
    expect(() => formatTimeOfDay(1441)).toThrow(RangeError);
    expect(() => formatTimeOfDay(-1)).toThrow(RangeError);
    expect(() => formatTimeOfDay(1.5)).toThrow(RangeError);
  });

  it.each(['9:30', '24:00', '12:60', '0930', ' 09:30'])('refuses "%s"', (value) => {
    expect(() => parseTimeOfDay(value)).toThrow(RangeError);
  });
});

describe('formatRemaining', () => {
  it.each([
    [754_000, '12:34'],
    [60_000, '01:00'],
    [3_723_000, '1:02:03'],
    [36_000_000, '10:00:00'],
    [0, '00:00'],
    [-65_000, '-01:05'],
    [-3_723_000, '-1:02:03'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });

  it('rounds up while time remains, so 00:00 shows exactly at the end', () => {
    expect(formatRemaining(1)).toBe('00:01');
    expect(formatRemaining(59_001)).toBe('01:00');
  });

  it('shows overtime only after a whole second, never "-00:00"', () => {
    expect(formatRemaining(-999)).toBe('00:00');
    expect(formatRemaining(-1000)).toBe('-00:01');
  });
});

describe('formatClock', () => {
  it('shows an instant in Mexico City time, 24-hour', () => {
    // 2024-06-10T15:30:00Z is 09:30 in Mexico City (UTC−6, no daylight saving time since 2022).
    expect(formatClock(Date.UTC(2024, 5, 10, 15, 30))).toBe('09:30');
    expect(formatClock(Date.UTC(2024, 5, 10, 21, 0))).toBe('15:00');
    expect(formatClock(Date.UTC(2024, 5, 10, 6, 5))).toBe('00:05');
  });

  it('takes another time zone', () => {
    expect(formatClock(Date.UTC(2024, 5, 10, 15, 30), 'UTC')).toBe('15:30');
  });
});
