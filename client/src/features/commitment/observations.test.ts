import { describe, expect, it } from 'vitest';
import type { MesaObservation, ReviewStatus } from '@cocrea/shared';
import { outstandingObservations } from './observations';

const observation = (versionNumber: number, versionStatus: ReviewStatus): MesaObservation => ({
  id: `${versionNumber}-${versionStatus}`,
  versionNumber,
  versionStatus,
  path: 'problem',
  text: 'Precise el problema.',
  createdAt: '2026-12-01T10:00:00.000Z',
  response: null,
});

const version = (number: number, status: ReviewStatus) => ({ number, status });

describe('the observations shown next to the fields', () => {
  it('are those of returned versions', () => {
    const observations = [observation(1, 'con_observaciones'), observation(2, 'en_revision')];
    const versions = [version(2, 'en_revision'), version(1, 'con_observaciones')];
    expect(outstandingObservations(observations, versions).map((o) => o.versionNumber)).toEqual([1]);
  });

  it('are settled by the approval of a later version, with or without observations of its own', () => {
    const returned = [observation(1, 'con_observaciones')];
    expect(outstandingObservations(returned, [version(2, 'aprobado'), version(1, 'con_observaciones')])).toEqual([]);
    expect(
      outstandingObservations(
        [observation(3, 'con_observaciones')],
        [version(3, 'con_observaciones'), version(2, 'publicado')],
      ).map((o) => o.versionNumber),
    ).toEqual([3]);
  });
});
