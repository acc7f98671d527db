import { z } from 'zod';
import { itemIdSchema } from './commitment';

/**
 * Dot voting (Etapa 4, and whenever the facilitator wants): each person spreads a few dots over causes, means or
 * lines of action. Votes are Chatham House: no answer, message, export or version ever says who voted what. The
 * ballots live on the server only (never in the mesa's Y.Doc, whose items carry their author's client id); a
 * socket hears the vote's aggregate state (message 105) and its own seat's ballot (message 106), and the counts
 * only once the facilitator closes the vote.
 */

/** What a vote is about: the problem tree's causes, the objectives tree's means (the same nodes), or lines of action. */
export const VOTE_TARGETS = ['causa', 'medio', 'linea'] as const;
export const voteTargetSchema = z.enum(VOTE_TARGETS, {
  error: 'El objeto de la votación debe ser "causa", "medio" o "linea".',
});
export type VoteTarget = z.infer<typeof voteTargetSchema>;

/** The most dots a facilitator may give each person: dot voting works with a handful; more is a survey. */
export const MAX_VOTES_PER_PERSON = 20;

/** A vote's id: 16 URL-safe characters, as the server makes them. */
export const voteIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'La votación no es válida.');

/** `POST /api/mesas/:id/votes`: the facilitator opens a vote. */
export const openVoteSchema = z.strictObject({
  target: voteTargetSchema,
  votesPerPerson: z
    .int({ error: 'Los votos por persona deben ser un número entero.' })
    .min(1, 'Cada persona debe tener al menos un voto.')
    .max(MAX_VOTES_PER_PERSON, `Cada persona puede tener a lo sumo ${MAX_VOTES_PER_PERSON} votos.`),
  /** Whether one person may put several of their dots on the same item. */
  allowSeveral: z.boolean({ error: 'Indique si una persona puede dar varios votos al mismo elemento.' }),
});
export type OpenVote = z.infer<typeof openVoteSchema>;

/**
 * A ballot, the sync socket's message 104 (client → server): one dot put on (`+1`) or taken back from (`-1`) an
 * item of the open vote. The person is the socket's seat, never a field of the message.
 */
export const ballotSchema = z.strictObject({
  voteId: voteIdSchema,
  itemId: itemIdSchema,
  change: z.union([z.literal(1), z.literal(-1)], { error: 'El cambio de un voto es 1 o -1.' }),
});
export type Ballot = z.infer<typeof ballotSchema>;

const count = z.int().min(0).max(1_000_000);
/** An item's text as it read when the vote closed: a cause or a means can be long, a ranking line need not be. */
export const VOTE_LABEL_MAX = 300;

/** One item's count in a closed vote, and its place in the ranking (ties share a place: 1, 2, 2, 4). */
export const voteResultSchema = z.strictObject({
  itemId: itemIdSchema,
  label: z.string().max(VOTE_LABEL_MAX),
  count,
  rank: z.int().min(1),
});
export type VoteResult = z.infer<typeof voteResultSchema>;

/** A vote as everybody sees it: never who voted, and the counts only once it is closed. */
export const voteStateSchema = z.strictObject({
  id: voteIdSchema,
  target: voteTargetSchema,
  votesPerPerson: z.int().min(1).max(MAX_VOTES_PER_PERSON),
  allowSeveral: z.boolean(),
  status: z.enum(['open', 'closed']),
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  /** Bumped by every stored ballot and by the close, so a newer state is told from an older one. */
  revision: count,
  /** How many people have at least one dot on the vote now (after the close: had, when it closed). */
  voters: count,
  /** How many dots are on the vote now. */
  dots: count,
  /** The ranking, most dots first: null while the vote is open. */
  results: z.array(voteResultSchema).nullable(),
});
export type VoteState = z.infer<typeof voteStateSchema>;

/** The sync socket's message 105 and `GET /api/mesas/:id/votes`: the mesa's open vote, else its latest, or none. */
export const voteMessageSchema = z.strictObject({ vote: voteStateSchema.nullable() });
export type VoteMessage = z.infer<typeof voteMessageSchema>;

/**
 * The sync socket's message 106, sent to the sockets of one seat only: where that person's own dots are on the vote
 * `voteId`, and, after a ballot the server refused, why (Spanish, for people).
 */
export const ownBallotSchema = z.strictObject({
  voteId: voteIdSchema,
  /** Item id → how many of this person's dots are on it. */
  items: z.record(itemIdSchema, z.int().min(1).max(MAX_VOTES_PER_PERSON)),
  used: z.int().min(0).max(MAX_VOTES_PER_PERSON),
  refusal: z.string().max(300).nullable(),
});
export type OwnBallot = z.infer<typeof ownBallotSchema>;

/** A closed vote as a saved version records it: what was voted on, how, and the counts; never who. */
export const recordedVoteSchema = z.strictObject({
  target: voteTargetSchema,
  votesPerPerson: z.int().min(1).max(MAX_VOTES_PER_PERSON),
  allowSeveral: z.boolean(),
  closedAt: z.iso.datetime(),
  voters: count,
  results: z.array(voteResultSchema),
});
export type RecordedVote = z.infer<typeof recordedVoteSchema>;

/**
 * The ranking of a closed vote: every item that could be voted on (with its text at the close) and any item that got
 * dots but is gone since (its text unknown), most dots first; ties share a place and keep the items' own order.
 */
export function rankVote(
  items: readonly { id: string; label: string }[],
  counts: ReadonlyMap<string, number>,
): VoteResult[] {
  const known = new Set(items.map((item) => item.id));
  const all = [
    ...items.map((item) => ({ itemId: item.id, label: item.label.slice(0, VOTE_LABEL_MAX) })),
    ...[...counts.keys()].filter((id) => !known.has(id)).map((itemId) => ({ itemId, label: '' })),
  ].map((item, order) => ({ ...item, count: counts.get(item.itemId) ?? 0, order }));
  all.sort((a, b) => b.count - a.count || a.order - b.order);
  let rank = 0;
  return all.map(({ itemId, label, count }, index) => {
    if (index === 0 || all[index - 1]!.count !== count) rank = index + 1;
    return { itemId, label, count, rank };
  });
}

/** Why the server refuses a ballot, in Spanish, for the person whose dot it was. */
export function ballotRefusal(reason: BallotRefusalReason, votesPerPerson: number): string {
  switch (reason) {
    case 'closed':
      return 'Esa votación ya está cerrada.';
    case 'no_votes_left':
      return votesPerPerson === 1
        ? 'Ya usó su único voto: quite su voto de un elemento para darlo a otro.'
        : `Ya usó sus ${votesPerPerson} votos: quite uno de un elemento para darlo a otro.`;
    case 'one_per_item':
      return 'En esta votación cada persona da a lo sumo un voto a cada elemento.';
    case 'none_to_remove':
      return 'No tiene votos en ese elemento.';
    case 'unknown_item':
      return 'Ese elemento ya no existe o no se vota en esta votación.';
    case 'observer':
      return 'Quienes observan la mesa no votan.';
    case 'no_seat':
      return 'Para votar, únase a la mesa con su nombre.';
    case 'locked':
      return 'La herramienta de esta votación está bloqueada en esta etapa de la agenda.';
  }
}
export type BallotRefusalReason =
  'closed' | 'no_votes_left' | 'one_per_item' | 'none_to_remove' | 'unknown_item' | 'observer' | 'no_seat' | 'locked';
