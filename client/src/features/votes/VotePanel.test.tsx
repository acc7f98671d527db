/**
 * The vote panel of a participant on a socket the test answers as the server would: the vote's state (message 105)
 * and the seat's own dots (106) come in, and each dot button sends one ballot (104).
 */
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageType, TREE_ROOT_ID, addCause, type OwnBallot, type VoteState } from '@cocrea/shared';
import { MesaConnection } from '../../sync/MesaConnection';
import { FakeSocket, frame } from '../../sync/testing/FakeSocket';
import { VoteProvider } from './VoteContext';
import { VotePanel } from './VotePanel';

const connections: MesaConnection[] = [];
beforeEach(() => {
  FakeSocket.reset();
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  cleanup();
  for (const connection of connections.splice(0)) connection.destroy();
  vi.unstubAllGlobals();
});

const VOTE: VoteState = {
  id: 'AAAAAAAAAAAAAAAA',
  target: 'causa',
  votesPerPerson: 2,
  allowSeveral: false,
  status: 'open',
  openedAt: '2026-12-01T18:00:00.000Z',
  closedAt: null,
  revision: 0,
  voters: 0,
  dots: 0,
  results: null,
};

async function participantPanel() {
  const connection = new MesaConnection(`mesa-votos-${Math.random()}`, { token: 'token', seat: 'asiento' });
  connections.push(connection);
  await vi.waitFor(() => expect(FakeSocket.instances).toHaveLength(1), { timeout: 10_000 });
  const socket = FakeSocket.last;
  act(() => socket.open());
  const cause = addCause(connection.doc, TREE_ROOT_ID, 'Paradas sin luz');
  render(
    <VoteProvider connection={connection} mesaId="mesa" token="token" role="participant" joined>
      <VotePanel />
    </VoteProvider>,
  );
  const push = (type: number, value: unknown) =>
    act(() => socket.receive(frame(type, (e) => encoding.writeVarString(e, JSON.stringify(value)))));
  return { socket, cause, push };
}

function ballotsSent(socket: FakeSocket): unknown[] {
  return socket.sent.flatMap((bytes) => {
    const d = decoding.createDecoder(bytes);
    return decoding.readVarUint(d) === MessageType.ballot ? [JSON.parse(decoding.readVarString(d))] : [];
  });
}

describe('the participant’s ballot', () => {
  it('shows nothing until a vote is open, then the rules, the items and the dots left', async () => {
    const { push } = await participantPanel();
    expect(screen.queryByRole('region')).toBeNull();
    push(MessageType.vote, { vote: VOTE });
    const panel = screen.getByRole('region', { name: 'Votación sobre las causas' });
    expect(panel.textContent).toContain('2 votos por persona, uno por elemento.');
    expect(within(panel).getByRole('status').textContent).toBe('Le quedan 2 votos.');
    expect(within(panel).queryByText('Resultados de la votación')).toBeNull();
    // Opened while the page was open: said in a polite live region, away from where the person works.
    expect(within(panel).getByText('Se abrió una votación sobre las causas.').getAttribute('aria-live')).toBe('polite');
  });

  it('sends one ballot per click, shows its own dots as the server answers, and says why one was refused', async () => {
    const { socket, cause, push } = await participantPanel();
    push(MessageType.vote, { vote: VOTE });
    fireEvent.click(screen.getByRole('button', { name: 'Votar por «Paradas sin luz»' }));
    expect(ballotsSent(socket)).toEqual([{ voteId: VOTE.id, itemId: cause, change: 1 }]);
    const mine: OwnBallot = { voteId: VOTE.id, items: { [cause]: 1 }, used: 1, refusal: null };
    push(MessageType.ownBallot, mine);
    expect(screen.getByRole('status').textContent).toBe('Le queda 1 voto.');
    expect(screen.getByRole('img', { name: '1 voto suyo' }).textContent).toBe('●');
    // One per item in this vote: the same cause takes no second dot, and the server's refusal is shown as it says.
    expect(screen.getByRole('button', { name: 'Votar por «Paradas sin luz»' })).toHaveProperty('disabled', true);
    push(MessageType.ownBallot, {
      ...mine,
      refusal: 'En esta votación cada persona da a lo sumo un voto a cada elemento.',
    });
    expect(screen.getByRole('alert').textContent).toBe(
      'En esta votación cada persona da a lo sumo un voto a cada elemento.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Quitar un voto de «Paradas sin luz»' }));
    expect(ballotsSent(socket).at(-1)).toEqual({ voteId: VOTE.id, itemId: cause, change: -1 });
  });

  it('shows the ranking once closed, and ignores an older state that arrives late', async () => {
    const { cause, push } = await participantPanel();
    const closed = {
      ...VOTE,
      status: 'closed',
      closedAt: '2026-12-01T18:10:00.000Z',
      revision: 5,
      voters: 3,
      dots: 4,
      results: [{ itemId: cause, label: 'Paradas sin luz', count: 4, rank: 1 }],
    };
    push(MessageType.vote, { vote: closed });
    push(MessageType.vote, { vote: { ...VOTE, revision: 4, voters: 3, dots: 4 } });
    const results = screen.getByRole('list');
    expect(
      within(results)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Paradas sin luz 4 votos']);
    expect(screen.queryByRole('button', { name: /Votar por/ })).toBeNull();
  });
});
