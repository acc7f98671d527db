import { CloseCode, THEMES } from '@cocrea/shared';
import type { MesaSession } from '@cocrea/shared';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import type { Credentials } from '../../session/credentials';
import type { MesaConnection } from '../../sync/MesaConnection';
import { useMesaConnection } from '../../sync/useMesaConnection';
import { AgendaBar } from '../agenda/AgendaBar';
import { AgendaProvider } from '../agenda/AgendaContext';
import { StageGuide } from '../agenda/StageGuide';
import { useToolLocked } from '../agenda/useToolLocked';
import { PresenceList } from '../presence/PresenceList';
import { CommentsProvider } from '../comments/CommentsContext';
import { Notices } from '../notices/Notices';
import { PhaseStepper } from '../proactive/PhaseStepper';
import { usePhase } from '../proactive/usePhase';
import { VoteProvider } from '../votes/VoteContext';
import { VotePanel } from '../votes/VotePanel';
import { MesaKit } from './MesaKit';
import { OutdatedClientBanner } from './OutdatedClientBanner';
import { SaveIndicator } from './SaveIndicator';
import { useRevokedEntry, useServerClose } from './useServerClose';
import { WorkspaceTabs, useWorkspaceTab } from './WorkspaceTabs';
import { CommitmentWorkspace, ObjectivesTree, TreeWorkspace } from './workspaceTools';
import { CodeBoundary } from '../../ui/CodeBoundary';

/**
 * The virtual mesa: header with save state and presence, the agenda's stage (a compromiso proactivo's phase
 * instead), then the workspace of the stage.
 */
export function MesaPage({
  session,
  credentials,
  onMesaClosed,
}: {
  session: MesaSession;
  credentials: Credentials;
  /** The STL closed the mesa while the page was open. */
  onMesaClosed(): void;
}) {
  const connection = useMesaConnection(session.mesa.id, credentials, session.participant);
  // The STL closed the mesa: the socket comes back read-only by itself; the session is asked for again to say so.
  useServerClose(connection, CloseCode.mesaClosed, onMesaClosed);
  const revokedEntry = useRevokedEntry(connection);
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
        <OutdatedClientBanner connection={connection} />
        <Notices source={connection.onNotice} />
        {session.mesa.kind === 'proactivo' ? (
          <ProactivePhases connection={connection} session={session} token={credentials.token} />
        ) : (
          <AgendaBar />
        )}
        <MesaKit mesaId={session.mesa.id} token={credentials.token} />
        {revokedEntry && (
          <p className="banner-error" role="alert">
            {t(revokedEntry === 'linkRevoked' ? 'mesa.linkRevoked' : 'mesa.seatChanged')}
          </p>
        )}
        {session.mesa.closedAt !== null ? (
          <p className="banner-info">{t('mesa.closed', { date: formatInstant(session.mesa.closedAt) })}</p>
        ) : (
          session.role === 'observer' && <p className="banner-info">{t('role.readOnly')}</p>
        )}
        <MesaWorkspace connection={connection} session={session} token={credentials.token} />
      </div>
    </AgendaProvider>
  );
}

/** A compromiso proactivo's stepper, in place of the agenda: its phase follows the server's notices. */
function ProactivePhases({
  connection,
  session,
  token,
}: {
  connection: MesaConnection;
  session: MesaSession;
  token: string;
}) {
  const [phase, setPhase] = usePhase(session.mesa, connection);
  if (phase === null) return null;
  return (
    <PhaseStepper
      mesaId={session.mesa.id}
      token={token}
      phase={phase}
      canMove={session.role === 'facilitator' && session.mesa.closedAt === null}
      onMoved={setPhase}
    />
  );
}

/**
 * The mesa's tools, one tab each: the problem tree, the objectives tree beside it, and the commitment. Each is
 * read-only for observers, and for everybody while the agenda keeps its tool locked.
 */
function MesaWorkspace({
  connection,
  session,
  token,
}: {
  connection: MesaConnection;
  session: MesaSession;
  token: string;
}) {
  const [tab, setTab] = useWorkspaceTab(session.mesa.id);
  const observer = session.role === 'observer';
  const treeLocked = useToolLocked('tree');
  const commitmentLocked = useToolLocked('commitment');
  const open = session.mesa.closedAt === null;
  return (
    <VoteProvider
      connection={connection}
      mesaId={session.mesa.id}
      token={token}
      role={session.role}
      joined={session.participant !== null}
    >
      <VotePanel />
      {/* Deliberation follows no tool lock: a locked draft or tree is still discussed (Etapa 5). */}
      <CommentsProvider
        connection={connection}
        self={session.participant}
        canWrite={!observer && open}
        moderates={session.role === 'facilitator' && open}
      >
        <WorkspaceTabs current={tab} onChange={setTab} />
        <main className="workspace" id="contenido" role="tabpanel" aria-labelledby={`pestana-${tab}`}>
          <CodeBoundary loading={<p className="loading">{t('loading.tool')}</p>}>
            {tab === 'tree' && <TreeWorkspace connection={connection} readOnly={observer || treeLocked} />}
            {tab === 'objectives' && (
              <div className="objectives-split">
                <TreeWorkspace connection={connection} readOnly={observer || treeLocked} />
                <ObjectivesTree
                  connection={connection}
                  treeReadOnly={observer || treeLocked}
                  commitmentReadOnly={observer || commitmentLocked}
                />
              </div>
            )}
            {tab === 'commitment' && (
              <CommitmentWorkspace
                connection={connection}
                mesa={session.mesa}
                role={session.role}
                token={token}
                readOnly={observer || commitmentLocked}
                locked={commitmentLocked}
              />
            )}
          </CodeBoundary>
          {session.mesa.kind === 'mesa' && <StageGuide />}
        </main>
      </CommentsProvider>
    </VoteProvider>
  );
}
