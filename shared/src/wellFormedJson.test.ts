import { describe, expect, it } from 'vitest';
import { toCsv } from './schema/commitmentExport';
import { wellFormedJson } from './wellFormedJson';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What a writer of UTF-8 makes of `text`, read back by a reader that refuses anything ill-formed. */
function roundTrip(text: string): string {
  return strictUtf8.decode(new TextEncoder().encode(text));
}

describe('text handed out is well-formed', () => {
  it('JSON writes a lone surrogate as U+FFFD, not as an escape that decodes back to one', () => {
    const value = { problem: 'a\uD800b', nested: [{ text: '\uDC00' }], emoji: '👩‍👩‍👧', n: 3, none: null };
    expect(JSON.stringify(value)).toContain('\\ud800'); // What JSON.stringify alone does.
    const json = wellFormedJson(value);
    expect(json).not.toMatch(/\\ud[89a-f]/i);
    expect(JSON.parse(roundTrip(json))).toEqual({
      problem: 'a\uFFFDb',
      nested: [{ text: '\uFFFD' }],
      emoji: '👩‍👩‍👧',
      n: 3,
      none: null,
    });
    expect(wellFormedJson(value, 2)).toContain('\n  "problem"');
  });

  it('CSV writes a lone surrogate as U+FFFD, pairs untouched', () => {
    const csv = toCsv([
      ['Campo', 'a\uD800b'],
      ['Emoji', '😀'],
    ]);
    // TextEncoder alone would write U+FFFD too; the string itself must hold it, for any writer.
    expect(csv).toBe('\uFEFF"Campo","a\uFFFDb"\r\n"Emoji","😀"\r\n');
    expect(roundTrip(csv)).toBe('\uFEFF"Campo","a\uFFFDb"\r\n"Emoji","😀"\r\n');
  });
});
