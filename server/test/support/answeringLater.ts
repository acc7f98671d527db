import type { Storage } from '../../src/storage/Storage';

/**
 * `storage` as the sync server would see a store across a network: every append answers on a later
 * turn, in the order the appends were made. Runs the server's queued write path over real storage.
 */
export function answeringLater(storage: Storage): Storage {
  return new Proxy(storage, {
    get(target, key) {
      if (key === 'appendUpdate') {
        return (room: string, update: Uint8Array) =>
          new Promise<number>((resolve, reject) =>
            setImmediate(() => {
              try {
                resolve(target.appendUpdate(room, update));
              } catch (error) {
                reject(error);
              }
            }),
          );
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
