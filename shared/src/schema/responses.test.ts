import { describe, expect, it } from 'vitest';
import { BOARD_LICENSE, publicCommitment } from './board';
import { seed004Commitment } from './fixtures/seed004';
import { boardSchema, commitmentVersionSchema, reviewInboxSchema } from './responses';

const version = {
  mesaId: 'AAAAAAAAAAAAAAAA',
  number: 2,
  savedAt: '2026-11-21T18:00:00.000Z',
  stage: { status: 'running', number: 6, name: 'Redacción del compromiso' },
  contentHash: 'ab'.repeat(32),
  status: 'aprobado',
  commitment: seed004Commitment,
  votes: [],
};

describe('the schemas of the API answers', () => {
  it('read a saved version as the server sends it, content included', () => {
    const parsed = commitmentVersionSchema.parse(JSON.parse(JSON.stringify(version)));
    expect(parsed).toEqual(version);
  });

  it('read a version saved before dot voting as one with no votes', () => {
    const { votes: _, ...older } = version;
    expect(commitmentVersionSchema.parse(JSON.parse(JSON.stringify(older))).votes).toEqual([]);
  });

  it('read the public board the server builds from a published version', () => {
    const board = {
      license: BOARD_LICENSE,
      updatedAt: '2026-12-01T12:00:00.000Z',
      commitments: [
        publicCommitment({
          mesa: { id: version.mesaId, title: 'Transporte seguro' },
          plan: null,
          version: 2,
          publishedAt: '2026-12-01T12:00:00.000Z',
          commitment: seed004Commitment,
          progress: [],
        }),
      ],
    };
    expect(boardSchema.parse(JSON.parse(JSON.stringify(board)))).toEqual(board);
  });

  it('refuse an answer of another shape instead of passing it on', () => {
    expect(boardSchema.safeParse({ commitments: 'ninguno' }).success).toBe(false);
    expect(reviewInboxSchema.safeParse({ versions: [{ ...version, status: 'aprobada' }] }).success).toBe(false);
    expect(commitmentVersionSchema.safeParse({ ...version, number: '2' }).success).toBe(false);
  });

  it('let a newer server add a field the client does not read', () => {
    const parsed = commitmentVersionSchema.parse({ ...version, reviewedBy: 'nadie' });
    expect(parsed).not.toHaveProperty('reviewedBy');
  });
});
