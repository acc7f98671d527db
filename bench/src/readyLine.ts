import type { ChildProcess } from 'node:child_process';

/**
 * Resolves with the first match of `pattern` in a child's stdout: servers announce their port that way. Keeps
 * reading afterwards, so that a child that goes on logging never blocks on a full pipe.
 */
export function readyLine(child: ChildProcess, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
  const stdout = child.stdout;
  if (!stdout) throw new Error('readyLine needs the child’s stdout piped');
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => fail(new Error(`no ${pattern} on stdout after ${timeoutMs} ms: ${seen}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (!match) return;
      cleanup();
      resolve(match);
    };
    const onExit = (code: number | null) => fail(new Error(`exited with ${code} before ${pattern}: ${seen}`));
    const fail = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      clearTimeout(timer);
      stdout.off('data', onData);
      child.off('exit', onExit);
      stdout.resume();
    };
    stdout.on('data', onData);
    child.once('exit', onExit);
  });
}
