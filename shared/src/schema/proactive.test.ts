import { describe, expect, it } from 'vitest';
import { versionStageLabel } from './commitmentVersion';
import { createMesaSchema } from './mesa';
import { movePhaseSchema } from './proactive';

describe('a compromiso proactivo', () => {
  it('moves one phase at a time, within the five', () => {
    expect(movePhaseSchema.safeParse({ from: 2, to: 3 }).success).toBe(true);
    expect(movePhaseSchema.safeParse({ from: 2, to: 1 }).success).toBe(true);
    for (const move of [
      { from: 1, to: 3 },
      { from: 5, to: 6 },
      { from: 0, to: 1 },
      { from: 2, to: 2 },
      { from: 1.5, to: 2.5 },
    ]) {
      expect(movePhaseSchema.safeParse(move).success, JSON.stringify(move)).toBe(false);
    }
  });

  it('is proposed inside a plan; a mesa needs none and is of kind mesa unless told', () => {
    const base = {
      title: 'Compromiso Proactivo del IEEM',
      theme: 'Fortalecimiento de la democracia',
      date: '2026-12-07',
    };
    const outside = createMesaSchema.safeParse({ ...base, kind: 'proactivo' });
    expect(outside.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['planId', 'Un compromiso proactivo se propone dentro de un plan.'],
    ]);
    expect(createMesaSchema.parse({ ...base, kind: 'proactivo', planId: 'planDeAccion0001' }).kind).toBe('proactivo');
    expect(createMesaSchema.parse(base).kind).toBe('mesa');
  });

  it('labels a version by its phase and says it is proactive', () => {
    expect(versionStageLabel({ status: 'phase', number: 4, name: 'Hoja de ruta' })).toBe(
      'Compromiso proactivo · fase 4: Hoja de ruta',
    );
    expect(versionStageLabel({ status: 'running', number: 3, name: 'Árbol de problemas' })).toBe(
      'Etapa 3 · Árbol de problemas',
    );
  });
});
