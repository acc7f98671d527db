/**
 * Runs tasks one after another per key (a mesa, a room, an event), each once every earlier task of its key has
 * settled; a failed task does not stop the ones after it. Keys whose tasks have all settled are forgotten.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => T | Promise<T>): Promise<T> {
    const run = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  /** Resolves once every task queued so far has settled. */
  async drained(): Promise<void> {
    await Promise.all(this.tails.values());
  }
}
