import { voteMessageSchema, type OpenVote, type VoteMessage } from '@cocrea/shared';
import { request } from './request';

/** The facilitator's vote endpoints of one mesa, with the link's token. Every answer is the vote after the change. */
export interface VotesApi {
  open(request: OpenVote): Promise<VoteMessage>;
  close(voteId: string): Promise<VoteMessage>;
}

export function votesApi(mesaId: string, token: string): VotesApi {
  const base = `/api/mesas/${encodeURIComponent(mesaId)}/votes`;
  const headers = { authorization: `Bearer ${token}` };
  return {
    open: (body) => request(voteMessageSchema, base, { method: 'POST', headers, body: JSON.stringify(body) }),
    close: (voteId) =>
      request(voteMessageSchema, `${base}/${encodeURIComponent(voteId)}/close`, { method: 'POST', headers }),
  };
}
