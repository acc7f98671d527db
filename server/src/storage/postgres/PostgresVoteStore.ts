import type { Pool, PoolClient } from 'pg';
import { voteResultSchema, type VoteResult } from '@cocrea/shared';
import { z } from 'zod';
import type { CastResult, NewVote, SeatBallot, StoredVote, VoteStore } from '../Storage';
import { transaction } from './pool';

const VOTE_COLUMNS = `id, mesa_id AS "mesaId", target, votes_per_person AS "votesPerPerson",
  allow_several AS "allowSeveral", opened_at AS "openedAt", closed_at AS "closedAt", revision, voters, dots, results,
  recorded_version AS "recordedVersion"`;

type VoteRow = Omit<StoredVote, 'results'> & { results: string | null };

const resultsSchema = z.array(voteResultSchema);

function voteOf({ results, ...rest }: VoteRow): StoredVote {
  return { ...rest, results: results === null ? null : resultsSchema.parse(JSON.parse(results)) };
}

/**
 * The vote tables over PostgresStorage's pool. A ballot is one transaction that first locks its vote's row, so
 * ballots of one vote take turns whichever process they reach, and each reads the counts the one before it wrote.
 */
export class PostgresVoteStore implements VoteStore {
  constructor(private readonly pool: Pool) {}

  async openVote(vote: NewVote): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO mesa_votes (id, mesa_id, target, votes_per_person, allow_several, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [vote.id, vote.mesaId, vote.target, vote.votesPerPerson, vote.allowSeveral, vote.openedAt],
    );
    return rowCount === 1;
  }

  async currentVote(mesaId: string): Promise<StoredVote | null> {
    const { rows } = await this.pool.query<VoteRow>(
      `SELECT ${VOTE_COLUMNS} FROM mesa_votes WHERE mesa_id = $1
       ORDER BY closed_at IS NULL DESC, opened_at DESC, id DESC LIMIT 1`,
      [mesaId],
    );
    return rows[0] ? voteOf(rows[0]) : null;
  }

  castBallot(voteId: string, seat: string, itemId: string, change: 1 | -1): Promise<CastResult> {
    return transaction(this.pool, async (client) => {
      const { rows } = await client.query<VoteRow>(`SELECT ${VOTE_COLUMNS} FROM mesa_votes WHERE id = $1 FOR UPDATE`, [
        voteId,
      ]);
      const row = rows[0];
      const ballot = await readBallot(client, voteId, seat);
      if (!row || row.closedAt !== null) return { ok: false, reason: 'closed', ballot };
      const onItem = ballot[itemId] ?? 0;
      if (change === 1) {
        const used = Object.values(ballot).reduce((sum, n) => sum + n, 0);
        if (used >= row.votesPerPerson) return { ok: false, reason: 'no_votes_left', ballot };
        if (onItem > 0 && !row.allowSeveral) return { ok: false, reason: 'one_per_item', ballot };
        await client.query(
          `INSERT INTO vote_ballots (vote_id, participant_id, item_id, count) VALUES ($1, $2, $3, 1)
           ON CONFLICT (vote_id, participant_id, item_id) DO UPDATE SET count = vote_ballots.count + 1`,
          [voteId, seat, itemId],
        );
      } else {
        if (onItem === 0) return { ok: false, reason: 'none_to_remove', ballot };
        await client.query(
          onItem === 1
            ? 'DELETE FROM vote_ballots WHERE vote_id = $1 AND participant_id = $2 AND item_id = $3'
            : 'UPDATE vote_ballots SET count = count - 1 WHERE vote_id = $1 AND participant_id = $2 AND item_id = $3',
          [voteId, seat, itemId],
        );
      }
      const updated = await client.query<VoteRow>(
        `UPDATE mesa_votes SET revision = revision + 1,
           voters = (SELECT COUNT(DISTINCT participant_id)::integer FROM vote_ballots WHERE vote_id = $1),
           dots = (SELECT COALESCE(SUM(count), 0)::integer FROM vote_ballots WHERE vote_id = $1)
         WHERE id = $1 RETURNING ${VOTE_COLUMNS}`,
        [voteId],
      );
      return { ok: true, vote: voteOf(updated.rows[0]!), ballot: await readBallot(client, voteId, seat) };
    });
  }

  async seatBallot(voteId: string, seat: string): Promise<SeatBallot> {
    const client = await this.pool.connect();
    try {
      return await readBallot(client, voteId, seat);
    } finally {
      client.release();
    }
  }

  closeVote(
    mesaId: string,
    voteId: string,
    closedAt: string,
    rank: (counts: ReadonlyMap<string, number>) => VoteResult[],
  ): Promise<StoredVote | null> {
    return transaction(this.pool, async (client) => {
      // The row lock makes the close wait for a ballot under way, and every later ballot find the vote closed.
      const { rows } = await client.query<VoteRow>(
        `SELECT ${VOTE_COLUMNS} FROM mesa_votes WHERE id = $1 AND mesa_id = $2 FOR UPDATE`,
        [voteId, mesaId],
      );
      const row = rows[0];
      if (!row) return null;
      if (row.closedAt !== null) return voteOf(row);
      const counts = await client.query<{ itemId: string; count: number }>(
        `SELECT item_id AS "itemId", SUM(count)::integer AS count FROM vote_ballots WHERE vote_id = $1 GROUP BY item_id`,
        [voteId],
      );
      const results = rank(new Map(counts.rows.map((c) => [c.itemId, c.count])));
      await client.query('DELETE FROM vote_ballots WHERE vote_id = $1', [voteId]);
      const closed = await client.query<VoteRow>(
        `UPDATE mesa_votes SET closed_at = $2, results = $3, revision = revision + 1 WHERE id = $1
         RETURNING ${VOTE_COLUMNS}`,
        [voteId, closedAt, JSON.stringify(results)],
      );
      return voteOf(closed.rows[0]!);
    });
  }

  async listRecordedVotes(mesaId: string, number: number): Promise<StoredVote[]> {
    const { rows } = await this.pool.query<VoteRow>(
      `SELECT ${VOTE_COLUMNS} FROM mesa_votes WHERE mesa_id = $1 AND recorded_version = $2 ORDER BY opened_at, id`,
      [mesaId, number],
    );
    return rows.map(voteOf);
  }
}

async function readBallot(client: PoolClient, voteId: string, seat: string): Promise<SeatBallot> {
  const { rows } = await client.query<{ itemId: string; count: number }>(
    'SELECT item_id AS "itemId", count FROM vote_ballots WHERE vote_id = $1 AND participant_id = $2',
    [voteId, seat],
  );
  return Object.fromEntries(rows.map((r) => [r.itemId, r.count]));
}
