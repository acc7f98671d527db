import { THEMES, type Role } from '@cocrea/shared';
import type { MesaSession } from '../../api/mesas';
import { t } from '../../i18n/t';
import type { Credentials } from '../../session/credentials';
import type { MesaConnection } from '../../sync/MesaConnection';
import { useMesaConnection } from '../../sync/useMesaConnection';
import { AgendaBar } from '../agenda/AgendaBar';
import { AgendaProvider } from '../agenda/AgendaContext';
import { StageGuide } from '../agenda/StageGuide';
import { useToolLocked } from '../agenda/useToolLocked';
import { PresenceList } from '../presence/PresenceList';
import { TreeWorkspace } from '../tree/TreeWorkspace';
import { SaveIndicator } from './SaveIndicator';

/** The virtual mesa: header with save state and presence, the agenda's stage, then the workspace of the stage. */
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
    <AgendaProvider connection={connection} mesaId={session.mesa.id} role={session.role} token={credentials.token}>
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
        <AgendaBar />
        {session.role === 'observer' && <p className="banner-info">{t('role.readOnly')}</p>}
        <main className="workspace" id="contenido">
          <MesaTree connection={connection} role={session.role} />
          <StageGuide />
        </main>
      </div>
    </AgendaProvider>
  );
}

/** The problem tree: read-only for observers, and for everybody while the agenda keeps it locked. */
function MesaTree({ connection, role }: { connection: MesaConnection; role: Role }) {
  const locked = useToolLocked('tree');
  return <TreeWorkspace connection={connection} readOnly={role === 'observer' || locked} />;
}
