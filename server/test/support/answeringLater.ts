import type { Storage } from '../../src/storage/Storage';

export interface AnsweringLaterOptions {
  /** How long each append takes to answer: a database's round trip and its flush to disk. 0: the next turn. */
  latencyMs?: number;
  /** Called with the number of updates of each append call, as it is made. */
  onAppend?: (updates: number) => void;
}

/**
 * `storage` as the sync server would see a store across a network: every append answers on a later turn (or after
 * `latencyMs`), one after another in the order the appends were made, as one connection to a database would.
 * Runs the server's queued write path over real storage.
 */
export function answeringLater(storage: Storage, { latencyMs = 0, onAppend }: AnsweringLaterOptions = {}): Storage {
  let tail: Promise<unknown> = Promise.resolve();
  const later = <T>(append: () => T): Promise<T> => {
    const answer = tail.then(
      () =>
        new Promise<T>((resolve, reject) => {
          const run = () => {
            try {
              resolve(append());
            } catch (error) {
              reject(error);
            }
          };
          if (latencyMs > 0) setTimeout(run, latencyMs);
          else setImmediate(run);
        }),
    );
    tail = answer.catch(() => undefined);
    return answer;
  };
  return new Proxy(storage, {
    get(target, key) {
      if (key === 'appendUpdate') {
        return (room: string, update: Uint8Array) => {
          onAppend?.(1);
          return later(() => target.appendUpdate(room, update));
        };
      }
      if (key === 'appendUpdates') {
        return (room: string, updates: readonly Uint8Array[]) => {
          onAppend?.(updates.length);
          return later(() => target.appendUpdates(room, updates));
        };
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
