import type { RoomAddress } from './SyncServer';

/** What the load harness and its worker processes say to each other over the IPC channel. */

/**
 * One edit as it travels inside the document: each client rewrites its own entry of a shared Y.Map (keyed by its
 * client id) with who sent it, through which instance, when, on the shared clock, and whether it counts. A map
 * entry rather than a growing list keeps every update the same size however long a scenario runs.
 */
export interface Edit {
  client: number;
  instance: number;
  t: number;
  measured: boolean;
}

/**
 * A client to connect; `id` is its index across every worker, `group` the server it talks to (see `EditPlan`),
 * `serverUrl` the instance it connects to and `instance` that instance's index among the room's.
 */
export interface ClientSpec extends RoomAddress {
  id: number;
  group: number;
  instance: number;
}

/**
 * When edits are due, on the shared clock: warm-up from `startAt`, measured from `measureFrom`, none from `stopAt`.
 * Time from `startAt` is cut into slices of `sliceMs` that the `groups` take in turn: a client edits only in its
 * group's slices, at `editsPerSecond`, and is idle in the others.
 */
export interface EditPlan {
  editsPerSecond: number;
  startAt: number;
  measureFrom: number;
  stopAt: number;
  sliceMs: number;
  groups: number;
  /**
   * Cursor moves a second per client, sent as presence (awareness) in its group's slices; none when absent. The
   * web client sends them at most every `presenceWindowMs(room size)`, at least every 50 ms.
   */
  cursorsPerSecond?: number;
}

/** What one group's clients in one worker saw during the measuring window. */
export interface GroupReport {
  /** Edits its clients were due to make in the measuring window, whether or not they got to make them. */
  measuredEdits: number;
  /** One entry per measured edit one of its clients received from another: receive time − send time. */
  latenciesMs: number[];
  /** The same, for the edits that reached their reader through another instance than the one they were sent to. */
  crossingLatenciesMs: number[];
  /** Bytes of presence (awareness) frames its clients received in the measuring window. */
  presenceBytes: number;
}

/** What one worker saw during the measuring window: one report per group, and its own event-loop delay. */
export interface WorkerReport {
  groups: GroupReport[];
  /** The 99th percentile of this process's event-loop delay during the measuring window. */
  lagP99Ms: number;
}

/** The parent sends one command at a time and waits for its reply. */
export type Command =
  | { type: 'connect'; clients: ClientSpec[] }
  | { type: 'edit'; plan: EditPlan }
  | { type: 'report' }
  | { type: 'disconnect' };

export type Reply =
  { type: 'ready' } | { type: 'done' } | { type: 'report'; report: WorkerReport } | { type: 'failed'; message: string };
