import { createContext, useMemo, useState, type ReactNode } from 'react';
import type { AgendaSnapshot, AgendaStage, Role } from '@cocrea/shared';
import type { MesaConnection } from '../../sync/MesaConnection';
import { agendaApi, type AgendaApi } from '../../api/agenda';
import type { ServerClock } from './serverClock';
import { useAgendaSnapshot } from './useAgendaSnapshot';
import { useServerClock } from './useServerClock';

/** Everything the agenda's pieces share on one mesa page. */
export interface AgendaRoom {
  connection: MesaConnection;
  role: Role;
  /** The server's latest agenda; null until the sync socket delivers the first one. */
  snapshot: AgendaSnapshot | null;
  /** The stage the timer is on, once the agenda is known. */
  stage: AgendaStage | null;
  clock: ServerClock;
  api: AgendaApi;
  /** "Presentar mi vista": a facilitator shares the canvas view (awareness field `viewport`). */
  presenting: boolean;
  setPresenting(presenting: boolean): void;
  /** "Seguir al facilitador": the canvas follows a presenting facilitator. On by default for everybody else. */
  following: boolean;
  setFollowing(following: boolean): void;
  /** The stage guide (guiding questions and the reference cards) beside the workspace. */
  guideOpen: boolean;
  setGuideOpen(open: boolean): void;
}

export const AgendaContext = createContext<AgendaRoom | null>(null);

/** Provides the agenda, the server clock and the follow state to the mesa page. */
export function AgendaProvider(props: {
  connection: MesaConnection;
  mesaId: string;
  role: Role;
  token: string;
  children: ReactNode;
}) {
  const { connection, mesaId, role, token, children } = props;
  const snapshot = useAgendaSnapshot(connection);
  const clock = useServerClock(connection);
  const api = useMemo(() => agendaApi(mesaId, token), [mesaId, token]);
  const [presenting, setPresenting] = useState(false);
  const [following, setFollowing] = useState(role !== 'facilitator');
  // Closed by default: open, it narrows the tree canvas; the banner shows a stage's questions anyway.
  const [guideOpen, setGuideOpen] = useState(false);
  const stage = snapshot?.agenda.stages[snapshot.state.stageIndex] ?? null;

  const value = useMemo<AgendaRoom>(
    () => ({
      connection,
      role,
      snapshot,
      stage,
      clock,
      api,
      presenting,
      setPresenting,
      following,
      setFollowing,
      guideOpen,
      setGuideOpen,
    }),
    [connection, role, snapshot, stage, clock, api, presenting, following, guideOpen],
  );
  return <AgendaContext value={value}>{children}</AgendaContext>;
}
