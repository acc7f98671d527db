import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrderKey, keyBetween, spreadKeys } from './orderKey';

describe('order keys', () => {
  it('finds a key between any two keys, first and last included', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 200 }), (picks) => {
        const keys: string[] = [];
        for (const pick of picks) {
          const at = pick % (keys.length + 1);
          keys.splice(at, 0, keyBetween(keys[at - 1] ?? null, keys[at] ?? null));
        }
        for (const [i, key] of keys.entries()) {
          expect(isOrderKey(key)).toBe(true);
          if (i > 0) expect(keys[i - 1]! < key).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps keys short when every insertion is at the same end', () => {
    let first: string | null = null;
    let last: string | null = null;
    for (let i = 0; i < 300; i++) {
      first = keyBetween(null, first);
      last = keyBetween(last, null);
    }
    // One more digit per ~60 steps at either end.
    expect(first!.length).toBeLessThanOrEqual(6);
    expect(last!.length).toBeLessThanOrEqual(6);
  });

  it('refuses malformed or out-of-order bounds', () => {
    expect(() => keyBetween('b', 'a')).toThrow(RangeError);
    expect(() => keyBetween('a', 'a')).toThrow(RangeError);
    expect(() => keyBetween('a0', null)).toThrow(RangeError);
    expect(() => keyBetween(null, '')).toThrow(RangeError);
  });

  it('spreads any number of fresh keys, increasing and short', () => {
    for (const count of [0, 1, 2, 61, 62, 63, 300, 3843, 3844, 5000]) {
      const keys = spreadKeys(count);
      expect(keys).toHaveLength(count);
      for (const [i, key] of keys.entries()) {
        expect(isOrderKey(key)).toBe(true);
        if (i > 0) expect(keys[i - 1]! < key).toBe(true);
      }
      expect(Math.max(0, ...keys.map((key) => key.length))).toBeLessThanOrEqual(3);
    }
  });
});
