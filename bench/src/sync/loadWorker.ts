/**
 * A load worker: a process of its own holding some of the benchmark's clients, so that client-side work (ws
 * framing, decoding every update) does not run in the server's process or in one event loop.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { now } from '../clock';
import type { ClientSpec, Command, EditPlan, GroupReport, Reply, WorkerReport } from './loadProtocol';
import { connectWireClient, type WireClient } from './wireClient';

/** A client that has not synced by then is a failed run, not a slow one. */
const CONNECT_TIMEOUT_MS = 60_000;

interface LoadClient {
  spec: ClientSpec;
  client: WireClient;
  timer?: NodeJS.Timeout;
  cursorTimer?: NodeJS.Timeout;
}

let clients: LoadClient[] = [];
let report: WorkerReport = { groups: [], lagP99Ms: 0 };
/** Whether the measuring window is on: presence bytes count only then. */
let measuring = false;

function reply(message: Reply): void {
  process.send!(message);
}

async function connect(specs: ClientSpec[]): Promise<void> {
  clients = specs.map((spec) => ({
    spec,
    client: connectWireClient(
      { address: spec, serverUrl: spec.serverUrl, client: spec.id },
      {
        onRemoteEdit(edit, receivedAt) {
          if (!edit.measured) return;
          const group = report.groups[spec.group];
          group?.latenciesMs.push(receivedAt - edit.t);
          if (edit.instance !== spec.instance) group?.crossingLatenciesMs.push(receivedAt - edit.t);
        },
        onPresence(bytes) {
          const group = report.groups[spec.group];
          if (group && measuring) group.presenceBytes += bytes;
        },
      },
    ),
  }));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`clients not synced after ${CONNECT_TIMEOUT_MS} ms`)),
      CONNECT_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([Promise.all(clients.map(({ client }) => client.synced)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Each client edits at a fixed rate from a random phase, so the room's edits are spread over time rather than
 * arriving in lockstep. The schedule is open-loop: edit k is due at phase + k × interval whatever happened before,
 * and which edits are made and which count is decided by when they were due (in one of the client's group's
 * slices; in the measuring window), so every server is offered the same edits even when this process falls behind.
 * Latency starts when an edit is actually made.
 */
function edit(plan: EditPlan): void {
  report = {
    groups: Array.from({ length: plan.groups }, (): GroupReport => ({
      measuredEdits: 0,
      latenciesMs: [],
      crossingLatenciesMs: [],
      presenceBytes: 0,
    })),
    lagP99Ms: 0,
  };
  const interval = 1000 / plan.editsPerSecond;
  const groupAt = (due: number) => Math.floor((due - plan.startAt) / plan.sliceMs) % plan.groups;
  for (const entry of clients) {
    const { id: client, instance, group } = entry.spec;
    const mine = (due: number) => groupAt(due) === group;
    const first = plan.startAt + Math.random() * interval;
    for (let due = first; due < plan.stopAt; due += interval) {
      if (due >= plan.measureFrom && mine(due)) report.groups[group]!.measuredEdits++;
    }
    let due = first;
    const tick = () => {
      if (mine(due)) entry.client.edit({ client, instance, t: now(), measured: due >= plan.measureFrom });
      due += interval;
      if (due < plan.stopAt) entry.timer = setTimeout(tick, Math.max(0, due - now()));
    };
    entry.timer = setTimeout(tick, Math.max(0, first - now()));
    if (plan.cursorsPerSecond !== undefined) moveCursor(entry, plan, plan.cursorsPerSecond, mine);
  }
  watchLag(plan);
}

/** A cursor moving at `perSecond`, from a random phase, in the client's group's slices only (open-loop, as edits). */
function moveCursor(entry: LoadClient, plan: EditPlan, perSecond: number, mine: (due: number) => boolean): void {
  const interval = 1000 / perSecond;
  let due = plan.startAt + Math.random() * interval;
  const tick = () => {
    if (mine(due)) entry.client.moveCursor();
    due += interval;
    if (due < plan.stopAt) entry.cursorTimer = setTimeout(tick, Math.max(0, due - now()));
  };
  entry.cursorTimer = setTimeout(tick, Math.max(0, due - now()));
}

/**
 * This process's event-loop delay over the measuring window. Every latency includes the receiving client's wait
 * for its event loop; a high figure here says the load generator, not the server, is the bottleneck.
 */
function watchLag(plan: EditPlan): void {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  setTimeout(
    () => {
      histogram.enable();
      measuring = true;
    },
    Math.max(0, plan.measureFrom - now()),
  );
  setTimeout(
    () => {
      measuring = false;
      histogram.disable();
      report.lagP99Ms = histogram.count > 0 ? histogram.percentile(99) / 1e6 : 0;
    },
    Math.max(0, plan.stopAt - now()),
  );
}

function disconnect(): void {
  for (const { client, timer, cursorTimer } of clients) {
    clearTimeout(timer);
    clearTimeout(cursorTimer);
    client.destroy();
  }
  clients = [];
}

async function handle(command: Command): Promise<Reply> {
  switch (command.type) {
    case 'connect':
      await connect(command.clients);
      return { type: 'done' };
    case 'edit':
      edit(command.plan);
      return { type: 'done' };
    case 'report':
      return { type: 'report', report };
    case 'disconnect':
      disconnect();
      return { type: 'done' };
  }
}

process.on('message', (command: Command) => {
  handle(command).then(reply, (error: unknown) => reply({ type: 'failed', message: String(error) }));
});
// The parent is gone (finished, crashed or killed): nothing left to measure for.
process.on('disconnect', () => process.exit(0));
reply({ type: 'ready' });
