import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { latestOnly } from '../src/http/latestOnly';
import { waitFor } from './support/waitFor';

/** A stream whose reader takes nothing until `release`: a stalled page, as the socket's buffer would see it. */
function stalledReader() {
  const taken: string[] = [];
  const held: (() => void)[] = [];
  let stalled = true;
  const stream = new Writable({
    highWaterMark: 64,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      taken.push(chunk);
      if (stalled) held.push(done);
      else done();
    },
  });
  return {
    stream,
    taken,
    release() {
      stalled = false;
      for (const done of held.splice(0)) done();
    },
  };
}

describe('a stream of snapshots to a slow reader', () => {
  it('keeps only the newest waiting while the reader does not take, and sends it once it does', async () => {
    const reader = stalledReader();
    const sender = latestOnly(reader.stream);
    const snapshot = (n: number) => `data: ${JSON.stringify({ n, padding: 'x'.repeat(100) })}\n\n`;
    for (let n = 1; n <= 1000; n++) sender.send(snapshot(n));
    // The first filled the buffer past its mark; the other 999 replaced each other, and none was written.
    expect(reader.taken).toEqual([snapshot(1)]);
    expect(sender.isBlocked()).toBe(true);
    expect(reader.stream.writableLength).toBeLessThan(2 * snapshot(1).length);

    reader.release();
    await waitFor(() => expect(reader.taken).toEqual([snapshot(1), snapshot(1000)]));
    await waitFor(() => expect(sender.isBlocked()).toBe(false));
    sender.send(snapshot(1001));
    expect(reader.taken.at(-1)).toBe(snapshot(1001));
  });
});
