import { Link } from 'wouter';
import { SECTORS, type Sector, type StlSession } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { eventPath } from '../../routes';
import { LoadFailure } from '../../ui/LoadFailure';
import { StlLayout } from '../../ui/StlLayout';
import { PlenaryControls } from './PlenaryControls';
import { PlenaryTableCard } from './PlenaryTableCard';
import { usePlenary } from './usePlenary';
import { useServerNow } from './useServerNow';

interface Props {
  session: StlSession;
  onLoggedOut(): void;
  eventId: string;
}

/**
 * `/stl/eventos/:eventId/plenaria`: the plenary view for whoever leads the event (an STL member). Every table live
 * (stage and time left, presence by sector, save state, latest version) and the commands for all of them.
 */
export function PlenaryPage({ session, onLoggedOut, eventId }: Props) {
  const { state, retry } = usePlenary(eventId);
  const snapshot = state.snapshot;
  const running = snapshot?.tables.some((table) => table.agenda.status === 'running') ?? false;
  const serverNow = useServerNow(running);
  const title = snapshot ? t('plenary.title', { title: snapshot.title }) : t('plenary.loadingTitle');
  // Present in the whole plenary, by sector: every table's counts added up.
  const bySector = new Map<Sector, number>();
  for (const table of snapshot?.tables ?? []) {
    for (const [sector, count] of Object.entries(table.present) as [Sector, number][]) {
      bySector.set(sector, (bySector.get(sector) ?? 0) + count);
    }
  }
  const present = [...bySector.values()].reduce((a, b) => a + b, 0);
  const sectors = [...bySector]
    .filter(([, count]) => count > 0)
    .map(([sector, count]) => `${SECTORS[sector]}: ${count}`)
    .join(' · ');

  return (
    <StlLayout
      title={title}
      session={session}
      current="planes"
      onLoggedOut={onLoggedOut}
      busy={state.status === 'connecting'}
    >
      <p>
        <Link href={eventPath(eventId)}>{t('plenary.back')}</Link>
      </p>
      <p role="status" className={state.status === 'ready' && !state.live ? 'form-error' : 'muted'}>
        {state.status === 'connecting' && t('plenary.connecting')}
        {state.status === 'ready' && (state.live ? t('plenary.live') : t('plenary.reconnecting'))}
      </p>
      {state.status === 'error' && <LoadFailure message={t('plenary.error')} onRetry={retry} />}
      {snapshot && (
        <>
          <PlenaryControls eventId={eventId} csrfToken={session.csrfToken} />
          <section className="stl-list" aria-labelledby="plenary-tables-title">
            <h2 id="plenary-tables-title">{t('plenary.tables')}</h2>
            <p>
              {t('plenary.summary', { tables: snapshot.tables.length, present })}
              {sectors && ` (${sectors})`}
            </p>
            {snapshot.tables.length === 0 ? (
              <p className="muted">{t('plenary.noTables')}</p>
            ) : (
              <ul className="plenary-tables">
                {snapshot.tables.map((table) => (
                  <PlenaryTableCard key={table.mesaId} table={table} serverNow={serverNow} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </StlLayout>
  );
}
