import { THEMES } from '@cocrea/shared';
import type { MesaSession } from '../../api/mesas';
import { t } from '../../i18n/t';
import type { Credentials } from '../../session/credentials';
import { useMesaConnection } from '../../sync/useMesaConnection';
import { PresenceList } from '../presence/PresenceList';
import { SaveIndicator } from './SaveIndicator';

/** The virtual mesa: header with save state and presence, then the workspace of the current stage. */
export function MesaPage({ session, credentials }: { session: MesaSession; credentials: Credentials }) {
  const connection = useMesaConnection(session.mesa.id, credentials, session.participant);
  if (!connection) {
    return (
      <main className="page-center" aria-busy="true">
        <p className="loading">{t('loading.mesa')}</p>
      </main>
    );
  }
  return (
    <div className="mesa">
      <header className="mesa-header">
        <div className="brand" aria-hidden="true">
          {t('app.name')}
        </div>
        <div className="mesa-title">
          <h1>{session.mesa.title}</h1>
          <p className="muted">
            {THEMES[session.mesa.theme]} · {session.mesa.date}
          </p>
        </div>
        <SaveIndicator connection={connection} />
        <PresenceList connection={connection} />
      </header>
      {session.role === 'observer' && <p className="banner-info">{t('role.readOnly')}</p>}
      <main className="workspace" id="contenido"></main>
    </div>
  );
}
