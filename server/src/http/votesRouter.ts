import { Router } from 'express';
import { openVoteSchema, voteIdSchema } from '@cocrea/shared';
import type { MesaStore } from '../storage/Storage';
import { VoteRefusal, type VoteService } from '../votes/VoteService';
import { authorizeMesa } from './auth';
import { HttpError } from './HttpError';
import { parseBody } from './validate';

/** Opening and closing a vote is the facilitator's. */
const FACILITATOR = {
  role: 'facilitator',
  refusal: 'Solo la facilitación puede abrir y cerrar una votación.',
} as const;

export interface VotesRouterOptions {
  store: MesaStore;
  votes: VoteService;
}

/**
 * `/api/mesas/:id/votes`: everybody with a link of the mesa reads its vote as everybody sees it (never who voted
 * what, the counts only once closed); the facilitator opens and closes votes. Ballots are not HTTP calls: they go
 * on the mesa's sync socket (message 104), whose seat says whose dots they are.
 */
export function votesRouter({ store, votes }: VotesRouterOptions): Router {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, null);
    res.set('cache-control', 'no-store').json(await votes.current(mesaId));
  });

  router.post('/', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, FACILITATOR);
    const request = parseBody(openVoteSchema, req.body);
    res.status(201).json(await refusalsAsHttp(votes.open(mesaId, request)));
  });

  router.post('/:voteId/close', async (req, res) => {
    const mesaId = await authorizeMesa(req, store, FACILITATOR);
    const voteId = voteIdSchema.safeParse(req.params.voteId);
    if (!voteId.success) throw new HttpError(404, 'vote_not_found', 'Esa votación no existe en esta mesa.');
    res.json(await refusalsAsHttp(votes.close(mesaId, voteId.data)));
  });

  return router;
}

async function refusalsAsHttp<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } catch (error) {
    if (!(error instanceof VoteRefusal)) throw error;
    throw new HttpError(error.code === 'vote_open' ? 409 : 404, error.code, error.message);
  }
}
