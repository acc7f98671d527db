/**
 * Sort keys for siblings (fractional indexing): strings compared with plain `<`, with room for another key between
 * any two, so placing a node among its siblings writes one key on that node instead of renumbering the others —
 * which, under concurrent edits, would fight over every sibling's key. The algorithm is the fraction part of
 * rocicorp/fractional-indexing (David Greenspan, "Implementing Fractional Indexing").
 *
 * A key is a base-62 fraction 0.d₁d₂…dₙ written as its digits. The last digit is never `0`: then a key never
 * equals another key followed by zeros, and there is always a key below any key.
 */

import type * as Y from 'yjs';

// Base 62 in ASCII order, so that comparing strings by code unit is comparing the fractions.
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;
const KEY_PATTERN = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

/** Whether `key` is a well-formed order key (what this module writes; the document may hold anything). */
export function isOrderKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/**
 * A key strictly between `before` and `after`, which must be well-formed with `before < after`; `null` means no
 * bound (insert first or last).
 */
export function keyBetween(before: string | null, after: string | null): string {
  if ((before !== null && !isOrderKey(before)) || (after !== null && !isOrderKey(after))) {
    throw new RangeError(`Not an order key: ${String(before)}, ${String(after)}`);
  }
  if (before !== null && after !== null && before >= after) {
    throw new RangeError(`Order keys out of order: ${before} >= ${after}`);
  }
  if (after === null) return before === null ? midpoint('', null) : keyAfter(before);
  if (before === null) return keyBefore(after);
  return midpoint(before, after);
}

/** `count` evenly spaced keys, shortest possible: for giving a whole sibling list fresh keys. */
export function spreadKeys(count: number): string[] {
  let length = 1;
  while (BASE ** length <= count) length++;
  const step = Math.floor(BASE ** length / (count + 1));
  // Fixed-length digit strings sort like the numbers; dropping trailing zeros keeps both the order and the value.
  return Array.from({ length: count }, (_, i) => toDigits((i + 1) * step, length).replace(/0+$/, ''));
}

// Appending and prepending are what people do most (a new cause goes last), so they step one digit instead of
// halving the gap: keys then grow one digit per ~60 appends rather than per ~6.
function keyAfter(before: string): string {
  const digit = DIGITS.indexOf(before.charAt(0));
  if (digit < BASE - 1) return DIGITS.charAt(digit + 1);
  // A new digit starts at the low end, leaving all of its range to the appends that follow.
  return 'z' + (before.length > 1 ? keyAfter(before.slice(1)) : '1');
}

function keyBefore(after: string): string {
  const digit = DIGITS.indexOf(after.charAt(0));
  if (digit >= 2) return DIGITS.charAt(digit - 1);
  if (digit === 1) return after.length > 1 ? '1' : '0z';
  // A key starting with 0 goes on (no trailing zeros): step below the rest of it.
  return '0' + keyBefore(after.slice(1));
}

function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    // Skip the common prefix, reading a missing digit of `a` as 0. `b` cannot run out first: it is the larger.
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a === '' ? 0 : DIGITS.indexOf(a.charAt(0));
  const digitB = b === null ? BASE : DIGITS.indexOf(b.charAt(0));
  if (digitB - digitA > 1) return DIGITS.charAt(Math.round((digitA + digitB) / 2));
  // Consecutive first digits: `b`'s first digit alone is between if `b` goes on; else go one digit deeper above `a`.
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return DIGITS.charAt(digitA) + midpoint(a.slice(1), null);
}

function toDigits(value: number, length: number): string {
  let digits = '';
  for (let i = 0; i < length; i++) {
    digits = DIGITS.charAt(value % BASE) + digits;
    value = Math.floor(value / BASE);
  }
  return digits;
}

/**
 * The order key that puts an item at `index` (clamped) among `siblings`, sorted and without the item: a tree
 * node among its siblings, a list item of the commitment among its list. Must run inside the transaction: when
 * no key fits there it gives every sibling a fresh key.
 */
export function placeAmong(siblings: readonly { order: string; map: Y.Map<unknown> }[], index: number): string {
  const at = Math.min(Math.max(Math.trunc(index), 0), siblings.length);
  const before = at > 0 ? siblings[at - 1]!.order : null;
  const after = at < siblings.length ? siblings[at]!.order : null;
  const fits =
    (before === null || isOrderKey(before)) &&
    (after === null || isOrderKey(after)) &&
    (before === null || after === null || before < after);
  if (fits) return keyBetween(before, after);
  // Two siblings share a key (both were added at the same place at once) or a key is malformed: nothing fits
  // between them, so renumber the whole list.
  const keys = spreadKeys(siblings.length + 1);
  siblings.forEach((sibling, i) => sibling.map.set('order', keys[i < at ? i : i + 1]!));
  return keys[at]!;
}
