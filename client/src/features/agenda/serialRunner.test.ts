import { describe, expect, it } from 'vitest';
import { serialRunner } from './serialRunner';

/** A promise and the functions that settle it, for tasks the test finishes by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('serialRunner', () => {
  it('starts a task only after the one before it has finished', async () => {
    const run = serialRunner();
    const started: string[] = [];
    const first = deferred<string>();
    const a = run(() => (started.push('a'), first.promise));
    const b = run(async () => (started.push('b'), 'b'));
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual(['a']);
    first.resolve('a');
    expect(await a).toBe('a');
    expect(await b).toBe('b');
    expect(started).toEqual(['a', 'b']);
  });

  it('goes on with the next task when one fails, and the failure reaches its own caller', async () => {
    const run = serialRunner();
    const failed = run(() => Promise.reject(new Error('rechazada')));
    const next = run(async () => 'siguiente');
    await expect(failed).rejects.toThrow('rechazada');
    expect(await next).toBe('siguiente');
  });
});
