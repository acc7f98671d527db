import type { RecordedVote } from '@cocrea/shared';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';

/**
 * The dot votes this version records (those the mesa closed since the version before): what was voted on and the
 * ranking, counts only; nobody's name, since nobody's vote was ever recorded.
 */
export function VotesSection({ votes }: { votes: readonly RecordedVote[] }) {
  if (votes.length === 0) return null;
  return (
    <section className="print-votes">
      <h2>{t('print.votes')}</h2>
      {votes.map((vote) => (
        <table key={vote.closedAt + vote.target} className="print-table">
          <caption>
            {t('vote.about', { target: vote.target })} · {formatInstant(vote.closedAt)} ·{' '}
            {t('vote.rules', { perPerson: vote.votesPerPerson, several: vote.allowSeveral ? 'yes' : 'no' })}{' '}
            {t('vote.progress', { voters: vote.voters, dots: vote.results.reduce((sum, r) => sum + r.count, 0) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('print.votes.rank')}</th>
              <th scope="col">{t('print.votes.item')}</th>
              <th scope="col">{t('print.votes.count')}</th>
            </tr>
          </thead>
          <tbody>
            {vote.results.map((result) => (
              <tr key={result.itemId}>
                <td>{result.rank}</td>
                <td>{result.label || t('vote.gone')}</td>
                <td>{result.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
