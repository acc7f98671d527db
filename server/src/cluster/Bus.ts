import {
  agendaSnapshotSchema,
  mesaNoticeSchema,
  voteMessageSchema,
  type AgendaSnapshot,
  type MesaNotice,
  type VoteMessage,
} from '@cocrea/shared';
import { z } from 'zod';

/**
 * What one instance tells the others about a mesa. Nothing here is the truth: the database is. A message lost on
 * the way (Redis restarted, a subscriber reconnecting) costs latency, never an edit: see `RoomBridge`.
 */
export type BusMessage =
  /** An update committed to the mesa's log under `seq`: relayed to the sockets of the mesa on every instance. */
  | { kind: 'update'; seq: number; update: Uint8Array }
  /**
   * Said now and then by each instance holding the mesa: its room has every update of the log up to `seq`, and
   * the agenda at `agendaRevision`. An instance that has less re-reads what it lacks from the database.
   */
  | {
      kind: 'head';
      seq: number;
      agendaRevision: number;
      /** The vote state the room has (`id:revision`, null for none); absent from an instance without votes. */
      vote?: string | null | undefined;
    }
  /** An awareness update (presence, cursors) from sockets of the sender, already filtered by it. */
  | { kind: 'awareness'; update: Uint8Array }
  /** An instance that just loaded the mesa asks for the presence of everyone on the others. */
  | { kind: 'who' }
  /** The mesa's agenda as stored (message 101), and the tool locks it implies. */
  | { kind: 'agenda'; snapshot: AgendaSnapshot }
  /** Something happened to the mesa's versions (message 103): every instance tells its sockets of the mesa. */
  | { kind: 'notice'; notice: MesaNotice }
  /** The mesa's vote as stored (message 105): every instance tells its sockets of the mesa. */
  | { kind: 'vote'; message: VoteMessage }
  /** A seat's ballot changed: that seat's sockets on every instance re-read their own dots (message 106). */
  | { kind: 'ballot'; seat: string }
  /** Close the mesa's sockets (all, or those of one link's role): a closed mesa, a replaced link. */
  | { kind: 'close'; code: number; reason: string; revoked?: boolean | undefined };

export type BusListener = (message: BusMessage) => void;

/** The channel between the instances serving the same address: one topic per mesa. */
export interface Bus {
  /** This instance's id: every message carries its sender's, and an instance ignores its own. */
  readonly instanceId: string;
  /**
   * Receives what the other instances publish about `mesaId` until the returned function is called. Resolves once
   * the subscription is in place, or after a short wait if the bus is unreachable: a room does not wait on Redis,
   * it catches up from the database when Redis comes back.
   */
  subscribe(mesaId: string, listener: BusListener): Promise<() => void>;
  /** Fire and forget: a message that cannot be sent now is dropped (the receivers catch up from the database). */
  publish(mesaId: string, message: BusMessage): void;
  /** `listener` is called each time the bus is reachable again after it was not: what was said meanwhile is lost. */
  onReconnect(listener: () => void): void;
  close(): Promise<void>;
}

const bytes = z.string().transform((s) => new Uint8Array(Buffer.from(s, 'base64')));
const seq = z.number().int().nonnegative();

/** How a message travels: JSON, binary parts in base64, the sender's id beside it. Checked on arrival like any input. */
const envelopeSchema = z.object({
  from: z.string(),
  message: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('update'), seq, update: bytes }),
    z.object({ kind: z.literal('head'), seq, agendaRevision: seq, vote: z.string().max(64).nullable().optional() }),
    z.object({ kind: z.literal('awareness'), update: bytes }),
    z.object({ kind: z.literal('who') }),
    z.object({ kind: z.literal('agenda'), snapshot: agendaSnapshotSchema }),
    z.object({ kind: z.literal('notice'), notice: mesaNoticeSchema }),
    z.object({ kind: z.literal('vote'), message: voteMessageSchema }),
    z.object({ kind: z.literal('ballot'), seat: z.string().min(1).max(64) }),
    z.object({ kind: z.literal('close'), code: z.number().int(), reason: z.string(), revoked: z.boolean().optional() }),
  ]),
});

export function encodeEnvelope(from: string, message: BusMessage): string {
  // Spelled out rather than a JSON replacer: a Buffer (what `ws` hands over) turns itself into an array first.
  const base64 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
  const wire = 'update' in message ? { ...message, update: base64(message.update) } : message;
  return JSON.stringify({ from, message: wire });
}

/**
 * Whether `text` is an envelope that `from` encoded, told without parsing it: every instance also hears its own
 * publications on the channels it listens to, one per stored update, and skips them. `encodeEnvelope` writes the
 * sender first.
 */
export function isEnvelopeFrom(text: string, from: string): boolean {
  return text.startsWith(`{"from":${JSON.stringify(from)},`);
}

/** The message and its sender, or null for one that does not parse (logged: it means a bug or a foreign publisher). */
export function decodeEnvelope(text: string): { from: string; message: BusMessage } | null {
  try {
    const parsed = envelopeSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: reported below like any other malformed message.
  }
  console.error('bus: ignoring a malformed message');
  return null;
}
