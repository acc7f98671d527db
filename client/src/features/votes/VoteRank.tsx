import type { VoteResult } from '@cocrea/shared';
import { t } from '../../i18n/t';

/** A closed vote's place and count for one item, on its node, outline row or card; nothing if it has none. */
export function VoteRank({ result }: { result: VoteResult | undefined }) {
  if (!result) return null;
  return (
    <span className="vote-rank" title={t('vote.rank', { rank: result.rank, count: result.count })}>
      <span aria-hidden="true">{t('vote.rankShort', { rank: result.rank, count: result.count })}</span>
      <span className="visually-hidden">{t('vote.rank', { rank: result.rank, count: result.count })}</span>
    </span>
  );
}
