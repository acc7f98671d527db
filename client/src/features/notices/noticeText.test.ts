import { describe, expect, it } from 'vitest';
import { noticeText } from './noticeText';

describe('what a notice says', () => {
  it('counts the observations a returned version came back with, in the right number', () => {
    const returned = (observations: number) =>
      noticeText({ kind: 'reviewStatus', number: 2, from: 'en_revision', to: 'con_observaciones', observations });
    expect(returned(3)).toBe('El STL devolvió la versión 2 con 3 observaciones.');
    expect(returned(1)).toBe('El STL devolvió la versión 2 con 1 observación.');
    expect(returned(0)).toBe('El STL devolvió la versión 2 sin observaciones.');
  });

  it('names every review status, and a withdrawn publication as such', () => {
    const moved = (from: 'borrador' | 'en_revision' | 'aprobado' | 'publicado', to: typeof from) =>
      noticeText({ kind: 'reviewStatus', number: 4, from, to, observations: 0 });
    expect(moved('borrador', 'en_revision')).toBe('El STL está revisando la versión 4.');
    expect(moved('en_revision', 'aprobado')).toBe('El STL aprobó la versión 4.');
    expect(moved('aprobado', 'publicado')).toBe('El STL publicó la versión 4.');
    expect(moved('en_revision', 'borrador')).toBe('La versión 4 volvió a borrador.');
    expect(moved('publicado', 'aprobado')).toBe(
      'La versión 4 dejó de estar publicada: una versión más reciente la reemplaza.',
    );
  });

  it('tells the phase a compromiso proactivo moved to, by its name', () => {
    expect(noticeText({ kind: 'phase', phase: 3 })).toBe(
      'El compromiso proactivo pasó a la fase 3: Diálogo abierto con organizaciones.',
    );
  });

  it('tells a saved version, a new observation and an answer', () => {
    expect(noticeText({ kind: 'versionSaved', number: 1 })).toBe('Se guardó la versión 1 del compromiso.');
    expect(noticeText({ kind: 'observation', number: 2, observations: 1 })).toBe(
      'El STL hizo una observación a la versión 2.',
    );
    expect(noticeText({ kind: 'observation', number: 2, observations: 3 })).toBe(
      'El STL hizo otra observación a la versión 2; ya son 3.',
    );
    const answer = (attended: boolean) =>
      noticeText({ kind: 'observationAnswer', number: 2, observationId: 'o1', attended });
    expect(answer(true)).toBe('La facilitación marcó como atendida una observación de la versión 2.');
    expect(answer(false)).toBe('La facilitación respondió una observación de la versión 2.');
  });

  it("tells the plenary's notice as the plenary's, its text as written, braces and all", () => {
    expect(noticeText({ kind: 'plenary', text: 'Quedan {10} minutos' })).toBe(
      'Aviso de la plenaria: Quedan {10} minutos',
    );
  });
});
