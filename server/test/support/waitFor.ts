import { vi } from 'vitest';

/**
 * How long a test waits for a condition before it fails. CI runs on shared 2-core hosts, where another job may hog
 * the CPU and a round trip through the server that takes milliseconds on a quiet machine takes seconds; vitest's own
 * default (1 s) failed there. A wait ends as soon as its condition holds, so the bound costs a green run nothing.
 */
export const WAIT_TIMEOUT_MS = 20_000;

/** `vi.waitFor` with {@link WAIT_TIMEOUT_MS} as its default timeout: the way every server test waits on a condition. */
export function waitFor<T>(
  callback: () => T | Promise<T>,
  options: { timeout?: number; interval?: number } = {},
): Promise<T> {
  return vi.waitFor(callback, { timeout: WAIT_TIMEOUT_MS, ...options });
}
