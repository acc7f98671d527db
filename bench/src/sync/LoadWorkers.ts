import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { forkTs, stopChild } from '../childProcesses';
import type { ClientSpec, Command, EditPlan, Reply, WorkerReport } from './loadProtocol';

const workerModule = fileURLToPath(new URL('./loadWorker.ts', import.meta.url));

/** Longest a worker may take to answer one command; connecting a thousand clients takes a few seconds. */
const REPLY_TIMEOUT_MS = 90_000;

/** The parent's side of the load worker processes: clients are dealt out to them, commands go to all at once. */
export class LoadWorkers {
  private constructor(private readonly workers: ChildProcess[]) {}

  /** The worker processes, to read their CPU time. */
  get pids(): (number | undefined)[] {
    return this.workers.map((w) => w.pid);
  }

  static async start(count: number): Promise<LoadWorkers> {
    const workers = Array.from({ length: count }, () => forkTs(workerModule));
    const pool = new LoadWorkers(workers);
    try {
      await Promise.all(workers.map((w) => nextReply(w)));
    } catch (error) {
      await pool.stop();
      throw error;
    }
    return pool;
  }

  /**
   * Deals clients round-robin, so consecutive clients (the members of one room) sit in different processes and
   * every edit crosses from one process to another on its way to most of its readers.
   */
  async connect(clients: ClientSpec[]): Promise<void> {
    const shares = this.workers.map((_, w) => clients.filter((_, i) => i % this.workers.length === w));
    await Promise.all(this.workers.map((w, i) => ask(w, { type: 'connect', clients: shares[i]! })));
  }

  async edit(plan: EditPlan): Promise<void> {
    await this.all({ type: 'edit', plan });
  }

  /** Everything the workers measured since the last `edit`, merged per group; the lag is the worst worker's. */
  async report(): Promise<WorkerReport> {
    const replies = await this.all({ type: 'report' });
    const merged: WorkerReport = { groups: [], lagP99Ms: 0 };
    for (const reply of replies) {
      if (reply.type !== 'report') throw new Error(`expected a report, got ${reply.type}`);
      reply.report.groups.forEach((group, g) => {
        const into = (merged.groups[g] ??= {
          measuredEdits: 0,
          latenciesMs: [],
          crossingLatenciesMs: [],
          presenceBytes: 0,
        });
        into.measuredEdits += group.measuredEdits;
        into.presenceBytes += group.presenceBytes;
        for (const latency of group.latenciesMs) into.latenciesMs.push(latency);
        for (const latency of group.crossingLatenciesMs) into.crossingLatenciesMs.push(latency);
      });
      merged.lagP99Ms = Math.max(merged.lagP99Ms, reply.report.lagP99Ms);
    }
    return merged;
  }

  async disconnect(): Promise<void> {
    await this.all({ type: 'disconnect' });
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => stopChild(w)));
  }

  private all(command: Command): Promise<Reply[]> {
    return Promise.all(this.workers.map((w) => ask(w, command)));
  }
}

async function ask(worker: ChildProcess, command: Command): Promise<Reply> {
  const reply = nextReply(worker);
  worker.send(command);
  const answer = await reply;
  if (answer.type === 'failed') throw new Error(`load worker ${worker.pid}: ${answer.message}`);
  return answer;
}

/** The worker's next message, or an error if it exits or stays silent. */
function nextReply(worker: ChildProcess): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Reply) => {
      cleanup();
      resolve(message);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`load worker ${worker.pid} exited with ${code}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`load worker ${worker.pid} silent for ${REPLY_TIMEOUT_MS} ms`));
    }, REPLY_TIMEOUT_MS);
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.once('exit', onExit);
  });
}
