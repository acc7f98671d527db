import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cappedStream } from '../src/http/cappedStream';

/** A reader that takes nothing: a stalled page, as the socket's buffer would see it. */
function stalledReader() {
  return new Writable({
    highWaterMark: 64,
    decodeStrings: false,
    write(_chunk: string, _encoding, _done) {
      // Never done: every later write waits in the stream's buffer.
    },
  });
}

describe('a stream of notices to a slow reader', () => {
  const notice = (n: number) => `data: ${JSON.stringify({ n, padding: 'x'.repeat(100) })}\n\n`;

  it('queues every notice while under the cap, in order', () => {
    const reader = stalledReader();
    const sender = cappedStream(reader, 10_000);
    let sent = 0;
    for (let n = 1; n <= 20; n++) {
      sender.send(notice(n));
      sent += notice(n).length;
    }
    expect(reader.destroyed).toBe(false);
    expect(reader.writableLength).toBe(sent);
  });

  it('cuts the reader off instead of queuing past the cap, and then writes nothing more', () => {
    const reader = stalledReader();
    const sender = cappedStream(reader, 10_000);
    for (let n = 1; n <= 1000; n++) sender.send(notice(n));
    expect(reader.destroyed).toBe(true);
    expect(reader.writableLength).toBeLessThanOrEqual(10_000);
  });
});
