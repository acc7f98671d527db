import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCause, addEffect, TREE_ROOT_ID } from '../doc/tree';
import { addLineOfAction } from '../doc/commitment';
import { voteItems } from '../doc/voteItems';
import { seed004Commitment } from './fixtures/seed004';
import { ballotRefusal, ballotSchema, commitmentVersionSchema, rankVote, voteStateSchema } from '../index';

const items = [
  { id: 'a', label: 'Rutas sin horario' },
  { id: 'b', label: 'Tarifas altas' },
  { id: 'c', label: 'Unidades viejas' },
  { id: 'd', label: 'Sin rampas' },
];

describe('counting a dot vote', () => {
  it('ranks most dots first; ties share a place and keep the items’ order', () => {
    const counts = new Map([
      ['b', 4],
      ['c', 2],
      ['d', 4],
    ]);
    expect(rankVote(items, counts).map((r) => [r.itemId, r.count, r.rank])).toEqual([
      ['b', 4, 1],
      ['d', 4, 1],
      ['c', 2, 3],
      ['a', 0, 4],
    ]);
  });

  it('keeps an item that got dots but was deleted since, without a text, and cuts long texts', () => {
    const ranked = rankVote([{ id: 'a', label: 'x'.repeat(400) }], new Map([['gone', 1]]));
    expect(ranked).toEqual([
      { itemId: 'gone', label: '', count: 1, rank: 1 },
      { itemId: 'a', label: 'x'.repeat(300), count: 0, rank: 2 },
    ]);
  });

  it('an empty vote ranks every item first with no dots', () => {
    expect(rankVote(items.slice(0, 2), new Map()).map((r) => r.rank)).toEqual([1, 1]);
  });

  it('a ballot is one dot on or off one item, never a count or a person', () => {
    const ballot = { voteId: 'AAAAAAAAAAAAAAAA', itemId: 'a', change: 1 };
    expect(ballotSchema.safeParse(ballot).success).toBe(true);
    expect(ballotSchema.safeParse({ ...ballot, change: 2 }).success).toBe(false);
    expect(ballotSchema.safeParse({ ...ballot, seat: 'otra persona' }).success).toBe(false);
    expect(ballotSchema.safeParse({ ...ballot, itemId: 'a/../b' }).success).toBe(false);
  });

  it('says why a ballot was refused, in Spanish, in the right number', () => {
    expect(ballotRefusal('no_votes_left', 1)).toBe(
      'Ya usó su único voto: quite su voto de un elemento para darlo a otro.',
    );
    expect(ballotRefusal('no_votes_left', 3)).toBe('Ya usó sus 3 votos: quite uno de un elemento para darlo a otro.');
  });

  it('an open vote’s state carries no counts field a client could misread', () => {
    const state = {
      id: 'AAAAAAAAAAAAAAAA',
      target: 'causa',
      votesPerPerson: 3,
      allowSeveral: false,
      status: 'open',
      openedAt: '2026-12-01T18:00:00.000Z',
      closedAt: null,
      revision: 2,
      voters: 1,
      dots: 2,
      results: null,
    };
    expect(voteStateSchema.parse(state)).toEqual(state);
    expect(voteStateSchema.safeParse({ ...state, voterIds: ['x'] }).success).toBe(false);
  });
});

describe('what a vote puts dots on', () => {
  it('causes by their text, means by their rewording (else their text), lines of action by their title', () => {
    const doc = new Y.Doc();
    const cause = addCause(doc, TREE_ROOT_ID, 'Rutas sin horario');
    addEffect(doc, TREE_ROOT_ID, 'Llegadas tarde');
    const line = addLineOfAction(doc, 'Publicar horarios');
    expect(voteItems(doc, 'causa')).toEqual([{ id: cause, label: 'Rutas sin horario' }]);
    expect(voteItems(doc, 'medio')).toEqual([{ id: cause, label: 'Rutas sin horario' }]);
    expect(voteItems(doc, 'linea')).toEqual([{ id: line, label: 'Publicar horarios' }]);
  });
});

describe('a saved version’s record', () => {
  it('a version saved before dot voting, with no votes, still parses', () => {
    const old = {
      number: 1,
      savedAt: '2026-11-21T18:00:00.000Z',
      stage: { status: 'running', number: 4, name: 'Etapa 4' },
      contentHash: 'a'.repeat(64),
      status: 'borrador',
      mesaId: seed004Commitment.mesaId,
      commitment: seed004Commitment,
    };
    expect(commitmentVersionSchema.parse(old).votes).toEqual([]);
  });
});
