import type Database from 'better-sqlite3';
import { voteResultSchema, type VoteResult } from '@cocrea/shared';
import type { CastResult, NewVote, SeatBallot, StoredVote, VoteStore } from '../Storage';
import { z } from 'zod';

const VOTE_COLUMNS = `id, mesa_id AS mesaId, target, votes_per_person AS votesPerPerson, allow_several AS allowSeveral,
  opened_at AS openedAt, closed_at AS closedAt, revision, voters, dots, results, recorded_version AS recordedVersion`;

type VoteRow = Omit<StoredVote, 'allowSeveral' | 'results'> & { allowSeveral: number; results: string | null };

const resultsSchema = z.array(voteResultSchema);

function voteOf({ allowSeveral, results, ...rest }: VoteRow): StoredVote {
  return {
    ...rest,
    allowSeveral: allowSeveral === 1,
    results: results === null ? null : resultsSchema.parse(JSON.parse(results)),
  };
}

/**
 * The vote tables (migration 18) over SqliteStorage's connection. Every ballot is one transaction: SQLite has one
 * writer, so ballots racing from many sockets take turns, and each reads the counts the one before it wrote.
 */
export class SqliteVoteStore implements VoteStore {
  private readonly stmt;
  private readonly cast: (voteId: string, seat: string, itemId: string, change: 1 | -1) => CastResult;
  private readonly close: (
    mesaId: string,
    voteId: string,
    closedAt: string,
    rank: (counts: ReadonlyMap<string, number>) => VoteResult[],
  ) => StoredVote | null;

  constructor(db: Database.Database) {
    this.stmt = {
      insert: db.prepare(
        `INSERT INTO mesa_votes (id, mesa_id, target, votes_per_person, allow_several, opened_at)
         VALUES (@id, @mesaId, @target, @votesPerPerson, @allowSeveral, @openedAt)
         ON CONFLICT DO NOTHING`,
      ),
      current: db.prepare(
        `SELECT ${VOTE_COLUMNS} FROM mesa_votes WHERE mesa_id = ?
         ORDER BY closed_at IS NULL DESC, opened_at DESC, id DESC LIMIT 1`,
      ),
      get: db.prepare(`SELECT ${VOTE_COLUMNS} FROM mesa_votes WHERE id = ?`),
      getOfMesa: db.prepare(`SELECT ${VOTE_COLUMNS} FROM mesa_votes WHERE id = ? AND mesa_id = ?`),
      ballot: db.prepare('SELECT item_id AS itemId, count FROM vote_ballots WHERE vote_id = ? AND participant_id = ?'),
      upsertDot: db.prepare(
        `INSERT INTO vote_ballots (vote_id, participant_id, item_id, count) VALUES (?, ?, ?, 1)
         ON CONFLICT (vote_id, participant_id, item_id) DO UPDATE SET count = count + 1`,
      ),
      removeDot: db.prepare(
        'UPDATE vote_ballots SET count = count - 1 WHERE vote_id = ? AND participant_id = ? AND item_id = ?',
      ),
      dropEmpty: db.prepare(
        'DELETE FROM vote_ballots WHERE vote_id = ? AND participant_id = ? AND item_id = ? AND count = 0',
      ),
      tally: db.prepare(
        `UPDATE mesa_votes SET revision = revision + 1,
           voters = (SELECT COUNT(DISTINCT participant_id) FROM vote_ballots WHERE vote_id = @id),
           dots = (SELECT COALESCE(SUM(count), 0) FROM vote_ballots WHERE vote_id = @id)
         WHERE id = @id`,
      ),
      counts: db.prepare(
        'SELECT item_id AS itemId, SUM(count) AS count FROM vote_ballots WHERE vote_id = ? GROUP BY item_id',
      ),
      closeVote: db.prepare(
        'UPDATE mesa_votes SET closed_at = ?, results = ?, revision = revision + 1 WHERE id = ? AND closed_at IS NULL',
      ),
      deleteBallots: db.prepare('DELETE FROM vote_ballots WHERE vote_id = ?'),
      recorded: db.prepare(
        `SELECT ${VOTE_COLUMNS} FROM mesa_votes WHERE mesa_id = ? AND recorded_version = ? ORDER BY opened_at, id`,
      ),
    };

    this.cast = db.transaction((voteId: string, seat: string, itemId: string, change: 1 | -1): CastResult => {
      const row = this.stmt.get.get(voteId) as VoteRow | undefined;
      const ballot = this.readBallot(voteId, seat);
      if (!row || row.closedAt !== null) return { ok: false, reason: 'closed', ballot };
      const onItem = ballot[itemId] ?? 0;
      if (change === 1) {
        const used = Object.values(ballot).reduce((sum, n) => sum + n, 0);
        if (used >= row.votesPerPerson) return { ok: false, reason: 'no_votes_left', ballot };
        if (onItem > 0 && row.allowSeveral !== 1) return { ok: false, reason: 'one_per_item', ballot };
        this.stmt.upsertDot.run(voteId, seat, itemId);
      } else {
        if (onItem === 0) return { ok: false, reason: 'none_to_remove', ballot };
        this.stmt.removeDot.run(voteId, seat, itemId);
        this.stmt.dropEmpty.run(voteId, seat, itemId);
      }
      this.stmt.tally.run({ id: voteId });
      return {
        ok: true,
        vote: voteOf(this.stmt.get.get(voteId) as VoteRow),
        ballot: this.readBallot(voteId, seat),
      };
    });

    this.close = db.transaction((mesaId, voteId, closedAt, rank) => {
      const row = this.stmt.getOfMesa.get(voteId, mesaId) as VoteRow | undefined;
      if (!row) return null;
      if (row.closedAt !== null) return voteOf(row);
      const counts = this.stmt.counts.all(voteId) as { itemId: string; count: number }[];
      const results = rank(new Map(counts.map((c) => [c.itemId, c.count])));
      this.stmt.closeVote.run(closedAt, JSON.stringify(results), voteId);
      this.stmt.deleteBallots.run(voteId);
      return voteOf(this.stmt.get.get(voteId) as VoteRow);
    });
  }

  private readBallot(voteId: string, seat: string): SeatBallot {
    const rows = this.stmt.ballot.all(voteId, seat) as { itemId: string; count: number }[];
    return Object.fromEntries(rows.map((r) => [r.itemId, r.count]));
  }

  async openVote(vote: NewVote): Promise<boolean> {
    return this.stmt.insert.run({ ...vote, allowSeveral: vote.allowSeveral ? 1 : 0 }).changes === 1;
  }

  async currentVote(mesaId: string): Promise<StoredVote | null> {
    const row = this.stmt.current.get(mesaId) as VoteRow | undefined;
    return row ? voteOf(row) : null;
  }

  async castBallot(voteId: string, seat: string, itemId: string, change: 1 | -1): Promise<CastResult> {
    return this.cast(voteId, seat, itemId, change);
  }

  async seatBallot(voteId: string, seat: string): Promise<SeatBallot> {
    return this.readBallot(voteId, seat);
  }

  async closeVote(
    mesaId: string,
    voteId: string,
    closedAt: string,
    rank: (counts: ReadonlyMap<string, number>) => VoteResult[],
  ): Promise<StoredVote | null> {
    return this.close(mesaId, voteId, closedAt, rank);
  }

  async listRecordedVotes(mesaId: string, number: number): Promise<StoredVote[]> {
    return (this.stmt.recorded.all(mesaId, number) as VoteRow[]).map(voteOf);
  }
}
