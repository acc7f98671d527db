import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../src/KeyedQueue';

describe('KeyedQueue', () => {
  it('runs the tasks of one key one after another, in order, whatever each takes', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, turns: number) => async () => {
      log.push(`${name} empieza`);
      for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
      log.push(`${name} termina`);
      return name;
    };
    const results = await Promise.all([queue.run('a', task('uno', 3)), queue.run('a', task('dos', 0))]);
    expect(results).toEqual(['uno', 'dos']);
    expect(log).toEqual(['uno empieza', 'uno termina', 'dos empieza', 'dos termina']);
  });

  it('lets other keys go meanwhile, goes on after a failure, and drains', async () => {
    const queue = new KeyedQueue();
    let release!: () => void;
    const blocked = queue.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    const failed = queue.run('a', () => Promise.reject(new Error('falla')));
    const after = queue.run('a', () => 'sigue');
    expect(await queue.run('b', () => 'otra llave')).toBe('otra llave');
    release();
    await blocked;
    await expect(failed).rejects.toThrow('falla');
    expect(await after).toBe('sigue');
    await queue.drained();
  });
});
