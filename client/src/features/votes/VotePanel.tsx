import { useState, type FormEvent } from 'react';
import {
  MAX_VOTES_PER_PERSON,
  VOTE_TARGETS,
  voteTool,
  type VoteMessage,
  type VoteState,
  type VoteTarget,
} from '@cocrea/shared';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import { useToolLocked } from '../agenda/useToolLocked';
import { useVote } from './VoteContext';
import { useVoteItems } from './useVoteItems';

/**
 * Dot voting: the facilitator opens a vote (what is voted on, how many dots each, whether several may go to one
 * item) and closes it; each person spreads their dots over the items, seeing only their own; the ranking shows once
 * closed. Everything here works from the keyboard: the dots are buttons.
 */
export function VotePanel() {
  const { vote, facilitator } = useVote();
  const announcement = useAnnouncement(vote);
  if (!vote && !facilitator) return null;
  return (
    <section className="vote-panel card" aria-labelledby="votacion-titulo">
      <h2 id="votacion-titulo">{vote ? t('vote.about', { target: vote.target }) : t('vote.region')}</h2>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {vote?.status === 'open' && <OpenVote vote={vote} />}
      {vote?.status === 'closed' && <VoteResults vote={vote} />}
      {facilitator && <FacilitatorControls vote={vote} />}
    </section>
  );
}

/**
 * What a screen reader hears when a vote opens or closes while the page is open (not the state it found on arrival):
 * the panel changes above the workspace, away from where the person is working.
 */
function useAnnouncement(vote: VoteState | null): string {
  const [seen, setSeen] = useState<{ key: string | null; text: string }>(() => ({ key: stateKey(vote), text: '' }));
  const key = stateKey(vote);
  if (key !== seen.key) {
    const text =
      vote === null
        ? ''
        : vote.status === 'open'
          ? t('vote.announceOpen', { target: vote.target })
          : t('vote.announceClosed', { target: vote.target });
    setSeen({ key, text });
  }
  return seen.text;
}

function stateKey(vote: VoteState | null): string | null {
  return vote && `${vote.id}:${vote.status}`;
}

function OpenVote({ vote }: { vote: VoteState }) {
  const { voter } = useVote();
  return (
    <>
      <p>
        {t('vote.rules', { perPerson: vote.votesPerPerson, several: vote.allowSeveral ? 'yes' : 'no' })}{' '}
        {t('vote.anonymous')}
      </p>
      <p className="vote-progress">{t('vote.progress', { voters: vote.voters, dots: vote.dots })}</p>
      {voter === 'voter' ? (
        <Ballot vote={vote} />
      ) : (
        <p className="muted">{t(voter === 'observer' ? 'vote.observer' : 'vote.noSeat')}</p>
      )}
    </>
  );
}

/** This person's dots: one row per item, with their own dots on it and a button to add or take back one. */
function Ballot({ vote }: { vote: VoteState }) {
  const { connection, mine, cast, sendError } = useVote();
  const items = useVoteItems(connection.doc, vote.target);
  const locked = useToolLocked(voteTool(vote.target));
  const used = mine?.used ?? 0;
  const remaining = vote.votesPerPerson - used;
  return (
    <>
      <p className="vote-remaining" role="status">
        {t('vote.remaining', { count: remaining })}
      </p>
      {locked && <p className="muted">{t('vote.locked')}</p>}
      {mine?.refusal && (
        <p className="field-error" role="alert">
          {mine.refusal}
        </p>
      )}
      {sendError && (
        <p className="field-error" role="alert">
          {t('vote.offline')}
        </p>
      )}
      {items.length === 0 ? (
        <p className="empty">{t('vote.noItems')}</p>
      ) : (
        <ul className="vote-items" aria-label={t('vote.items')}>
          {items.map((item) => {
            const label = item.label || t('vote.untitled');
            const own = mine?.items[item.id] ?? 0;
            const canAdd = !locked && remaining > 0 && (vote.allowSeveral || own === 0);
            return (
              <li key={item.id} className="vote-item">
                <span className="vote-item-label">{label}</span>
                <span className="vote-dots" aria-label={t('vote.mine', { count: own })} role="img">
                  {'●'.repeat(own)}
                </span>
                <button
                  type="button"
                  aria-label={t('vote.add', { label })}
                  disabled={!canAdd}
                  onClick={() => cast(item.id, 1)}
                >
                  {t('vote.addShort')}
                </button>
                <button
                  type="button"
                  aria-label={t('vote.remove', { label })}
                  disabled={locked || own === 0}
                  onClick={() => cast(item.id, -1)}
                >
                  {t('vote.removeShort')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** The ranking of a closed vote, most dots first; ties share a place. */
function VoteResults({ vote }: { vote: VoteState }) {
  return (
    <>
      <p className="vote-progress">{t('vote.progress', { voters: vote.voters, dots: vote.dots })}</p>
      <h3>{t('vote.results')}</h3>
      {vote.results && vote.results.length > 0 ? (
        <ol className="vote-results">
          {vote.results.map((result) => (
            <li key={result.itemId} value={result.rank}>
              <span className="vote-item-label">{result.label || t('vote.gone')}</span>{' '}
              <span className="vote-count">{t('vote.resultCount', { count: result.count })}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">{t('vote.noItems')}</p>
      )}
    </>
  );
}

/** The facilitator's side: close the open vote, or open a new one. */
function FacilitatorControls({ vote }: { vote: VoteState | null }) {
  const { api, connection } = useVote();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<VoteTarget>('causa');
  const [perPerson, setPerPerson] = useState(3);
  const [allowSeveral, setAllowSeveral] = useState(false);

  async function run(change: () => Promise<VoteMessage>): Promise<void> {
    setPending(true);
    setError(null);
    try {
      connection.receiveVote((await change()).vote);
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : t('error.generic'));
    } finally {
      setPending(false);
    }
  }

  if (vote?.status === 'open') {
    return (
      <div className="vote-controls">
        <button type="button" className="primary" disabled={pending} onClick={() => void run(() => api.close(vote.id))}>
          {pending ? t('vote.closing') : t('vote.close')}
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => api.open({ target, votesPerPerson: perPerson, allowSeveral }));
  };
  return (
    <details className="vote-controls">
      <summary>{t('vote.new')}</summary>
      <form onSubmit={submit} className="vote-form">
        <label>
          {t('vote.target')}
          <select value={target} onChange={(e) => setTarget(e.target.value as VoteTarget)}>
            {VOTE_TARGETS.map((option) => (
              <option key={option} value={option}>
                {t('vote.targetOption', { target: option })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('vote.perPerson')}
          <input
            type="number"
            min={1}
            max={MAX_VOTES_PER_PERSON}
            value={perPerson}
            onChange={(e) => setPerPerson(Math.max(1, Math.min(MAX_VOTES_PER_PERSON, Number(e.target.value) || 1)))}
          />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={allowSeveral} onChange={(e) => setAllowSeveral(e.target.checked)} />
          {t('vote.allowSeveral')}
        </label>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t('vote.opening') : t('vote.open')}
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}
