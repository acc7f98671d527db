/** What {@link latestOnly} needs of a response: `http.ServerResponse` and any `Writable` have it. */
export interface DrainingWriter {
  /** False once what waits to be sent is past the high-water mark; 'drain' follows when it has gone. */
  write(chunk: string): boolean;
  on(event: 'drain', listener: () => void): unknown;
}

/**
 * A sender for a stream whose every message replaces the one before (the plenary's snapshots): while the reader
 * has not taken what it was sent, only the newest message waits, and goes once the response drains. So a slow or
 * stalled reader costs the server one message and the socket's buffer, however many changes happen meanwhile.
 * `isBlocked` says whether a write would only wait now (keep-alive comments are then pointless).
 */
export function latestOnly(res: DrainingWriter): { send(text: string): void; isBlocked(): boolean } {
  let blocked = false;
  let waiting: string | null = null;
  const send = (text: string) => {
    if (blocked) {
      waiting = text;
      return;
    }
    blocked = !res.write(text);
  };
  res.on('drain', () => {
    blocked = false;
    if (waiting === null) return;
    const text = waiting;
    waiting = null;
    send(text);
  });
  return { send, isBlocked: () => blocked };
}
