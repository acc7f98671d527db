import type { Store } from 'express-rate-limit';

/**
 * Where each rate limit counts, by the limiter's name: in this process (undefined: express-rate-limit's memory
 * store), or in a store every instance shares (Redis), so that a limit holds whichever instance a request reaches.
 * A store serves one limiter: each call makes a new one.
 */
export type RateLimitStores = (name: string) => Store | undefined;

export const IN_PROCESS: RateLimitStores = () => undefined;

/**
 * The options a limiter adds for its store. A shared store that cannot answer (Redis away) lets requests through
 * rather than refusing everyone: the limits blunt abuse, they are not what keeps data safe.
 */
export function storeOptions(stores: RateLimitStores, name: string): { store?: Store; passOnStoreError: boolean } {
  const store = stores(name);
  return store === undefined ? { passOnStoreError: false } : { store, passOnStoreError: true };
}
