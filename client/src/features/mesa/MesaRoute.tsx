import { useCallback, useEffect, useState } from 'react';
import type { MesaSession } from '@cocrea/shared';
import { fetchSession } from '../../api/mesas';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import { loadCredentials, saveCredentials, type Credentials } from '../../session/credentials';
import { JoinForm } from '../join/JoinForm';
import { readOnlyWhenClosed } from './closedMesa';
import { MesaPage } from './MesaPage';
import { storedTab } from './WorkspaceTabs';
import { preloadTool } from './workspaceTools';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'join'; session: MesaSession; credentials: Credentials }
  | { kind: 'ready'; session: MesaSession; credentials: Credentials };

/** Opens a mesa from its link: checks the token with the server, asks who you are once, then enters. */
export function MesaRoute({ mesaId }: { mesaId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });

  const open = useCallback(async () => {
    setState({ kind: 'loading' });
    const credentials = loadCredentials(mesaId);
    if (!credentials) return setState({ kind: 'error', message: t('error.noToken') });
    try {
      const session = await fetchSession(mesaId, credentials.token, credentials.seat);
      setState(
        session.participant
          ? { kind: 'ready', session, credentials }
          : { kind: 'join', session, credentials: { ...credentials, seat: null } },
      );
    } catch (error) {
      setState({ kind: 'error', message: error instanceof ApiFailure ? error.message : t('error.generic') });
    }
  }, [mesaId]);

  useEffect(() => {
    preloadTool(storedTab(mesaId));
    void open();
  }, [open, mesaId]);

  switch (state.kind) {
    case 'loading':
      return (
        <main className="page-center" aria-busy="true">
          <p className="loading">{t('loading.mesa')}</p>
        </main>
      );
    case 'error':
      return (
        <main className="page-center">
          <div className="card" role="alert">
            <h1>{t('error.title')}</h1>
            <p>{state.message}</p>
            <button type="button" onClick={() => void open()}>
              {t('error.retry')}
            </button>
          </div>
        </main>
      );
    case 'join':
      return (
        <JoinForm
          session={state.session}
          token={state.credentials.token}
          onJoined={(participant, seat) => {
            const credentials = { token: state.credentials.token, seat };
            saveCredentials(mesaId, credentials);
            setState({ kind: 'ready', session: { ...state.session, participant }, credentials });
          }}
        />
      );
    case 'ready':
      return (
        <MesaPage
          session={readOnlyWhenClosed(state.session)}
          credentials={state.credentials}
          onMesaClosed={() => void open()}
        />
      );
  }
}
