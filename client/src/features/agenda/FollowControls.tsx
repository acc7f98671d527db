import { t } from '../../i18n/t';
import { usePresence } from '../../sync/usePresence';
import { useAgendaRoom } from './useAgendaRoom';
import { findPresenter } from './viewport';

/**
 * "Presentar mi vista" for the facilitator; for everybody else, whom their canvas follows and a way to stop (or
 * start again). Following is on by default; the canvas never moves while the person is typing.
 */
export function FollowControls() {
  const { connection, role, presenting, setPresenting, following, setFollowing } = useAgendaRoom();
  // Re-read on every presence change: that is where a presenter's view comes and goes.
  usePresence(connection);
  if (role === 'facilitator') {
    return (
      <button
        type="button"
        className="follow-toggle"
        aria-pressed={presenting}
        title={t('agenda.follow.presentHint')}
        onClick={() => setPresenting(!presenting)}
      >
        {t('agenda.follow.present')}
      </button>
    );
  }
  const presenter = findPresenter(connection.awareness.getStates(), connection.awareness.clientID);
  if (presenter === null) return null;
  return following ? (
    <span className="follow-state">
      {t('agenda.follow.following', { name: presenter.name ?? t('agenda.follow.facilitator') })}
      <button type="button" onClick={() => setFollowing(false)}>
        {t('agenda.follow.stop')}
      </button>
    </span>
  ) : (
    <button type="button" className="follow-toggle" onClick={() => setFollowing(true)}>
      {t('agenda.follow.start')}
    </button>
  );
}
