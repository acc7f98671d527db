import { describe, expect, it } from 'vitest';
import {
  boardCommitmentPath,
  entityParam,
  eventPath,
  eventRegistrationPath,
  mesaParam,
  ownRegistrationPath,
  planPath,
  reviewVersionPath,
  versionParams,
  versionPrintPath,
} from './routes';

const MESA = 'AbCdEfGh_jKlMn-9';

describe('the route table', () => {
  it('builds the paths of a version from its mesa and number', () => {
    expect(versionPrintPath(MESA, 3)).toBe(`/mesa/${MESA}/compromiso/3`);
    expect(reviewVersionPath(MESA, 12)).toBe(`/stl/revision/${MESA}/12`);
  });

  it('gives each published commitment an address of its own on the board', () => {
    expect(boardCommitmentPath(MESA)).toBe(`/tablero/compromisos/${MESA}`);
  });

  it('takes ids out of a path only when the shared schemas accept them', () => {
    expect(mesaParam({ mesaId: MESA })).toBe(MESA);
    expect(versionParams({ mesaId: MESA, number: '3' })).toEqual({ mesaId: MESA, number: 3 });
    for (const params of [
      { mesaId: 'corto', number: '3' },
      { mesaId: `${MESA}x`, number: '3' },
      { mesaId: MESA, number: '0' },
      { mesaId: MESA, number: '03' },
      { mesaId: MESA, number: '1e3' },
      { mesaId: MESA, number: '1234567890' },
      { mesaId: MESA },
    ]) {
      expect(versionParams(params), JSON.stringify(params)).toBeNull();
    }
  });
});

describe('the plan and registration paths', () => {
  const EVENT = 'Ev3ntIdAbCd-_123';

  it('builds them from the ids', () => {
    expect(planPath('P1anIdAbCd-_1234')).toBe('/stl/planes/P1anIdAbCd-_1234');
    expect(eventPath(EVENT)).toBe(`/stl/eventos/${EVENT}`);
    expect(eventRegistrationPath(EVENT)).toBe(`/evento/${EVENT}/registro`);
    expect(ownRegistrationPath(EVENT)).toBe(`/evento/${EVENT}/mi-registro`);
  });

  it('takes an id out of a path only when the shared schema accepts it', () => {
    expect(entityParam(EVENT)).toBe(EVENT);
    for (const value of ['corto', `${EVENT}x`, 'Ev3ntIdAbCd/_123', undefined]) expect(entityParam(value)).toBeNull();
  });
});
