/** What {@link cappedStream} needs of a response: `http.ServerResponse` and any `Writable` have it. */
export interface CappedWriter {
  write(chunk: string): boolean;
  /** Bytes written but not yet taken by the socket. */
  readonly writableLength: number;
  readonly destroyed: boolean;
  destroy(): unknown;
}

/**
 * A sender for a stream whose every message matters (a mesa's review notices), unlike {@link latestOnly}'s
 * snapshots: nothing is dropped, but a reader that lets more than `maxQueuedBytes` pile up unread is cut off, so a
 * stalled reader costs the server that much and the socket's buffer. A browser loses nothing by it: its
 * `EventSource` reconnects, and the page reloads what it shows on every (re)connection.
 */
export function cappedStream(res: CappedWriter, maxQueuedBytes: number): { send(text: string): void } {
  return {
    send(text) {
      if (res.destroyed) return;
      if (res.writableLength + text.length > maxQueuedBytes) res.destroy();
      else res.write(text);
    },
  };
}
