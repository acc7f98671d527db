import { describe, expect, it } from 'vitest';
import { formatRemaining } from '@cocrea/shared';
import { msUntilNextSecond } from './countdown';

describe('msUntilNextSecond', () => {
  it.each([
    [1300, 304],
    [1000, 1004],
    [999, 1003],
    [1, 5],
    [0, 1004],
    [-1, 1003],
    [-300, 704],
    [-1000, 1004],
  ])('wakes up %i ms before the end after %i ms', (remaining, wait) => {
    expect(msUntilNextSecond(remaining)).toBe(wait);
  });

  it('always lands on a new displayed value, in time and in overtime', () => {
    for (let remaining = -5000; remaining <= 5000; remaining += 37) {
      const later = remaining - msUntilNextSecond(remaining);
      expect(formatRemaining(later)).not.toBe(formatRemaining(remaining));
      // …just inside it: the next change is still almost a whole second away.
      expect(formatRemaining(later - 990)).toBe(formatRemaining(later));
    }
  });
});
