/** Runs tasks one after another: each starts once the one before it has settled, whether it succeeded or failed. */
export type SerialRunner = <T>(task: () => Promise<T>) => Promise<T>;

export function serialRunner(): SerialRunner {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };
}
