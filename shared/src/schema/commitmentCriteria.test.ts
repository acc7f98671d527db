import { describe, expect, it } from 'vitest';
import { commitmentDraftSchema, type CommitmentDraft } from './commitment';
import { CRITERIA, CRITERION_IDS } from './commitmentCatalogues';
import { evaluateCriteria } from './commitmentCriteria';
import { edited } from './fixtures/edited';
import { seed004Commitment } from './fixtures/seed004';

const emptyDraft = (): CommitmentDraft => commitmentDraftSchema.parse({});

describe('evaluateCriteria', () => {
  const byId = (draft: CommitmentDraft) => Object.fromEntries(evaluateCriteria(draft).map((c) => [c.id, c]));
  const failing = (draft: CommitmentDraft) =>
    evaluateCriteria(draft).flatMap((c) =>
      (c.automatic?.checks ?? []).filter((check) => !check.ok).map((x) => `${c.id}: ${x.label}`),
    );

  it('passes every automatic check of the seed-004 commitment and carries the self-assessment', () => {
    const evaluation = evaluateCriteria(seed004Commitment);
    expect(evaluation.map((c) => [c.id, c.title])).toEqual(CRITERION_IDS.map((id) => [id, CRITERIA[id].title]));
    expect(failing(seed004Commitment)).toEqual([]);
    expect(byId(seed004Commitment).II!.selfAssessment).toEqual(seed004Commitment.criteria.II);
  });

  it('leaves V and VI to the group: relevance and perspective are judgements', () => {
    const evaluation = byId(emptyDraft());
    expect(evaluation.V!.automatic).toBeNull();
    expect(evaluation.VI!.automatic).toBeNull();
    expect(evaluation.VI!.selfAssessment).toEqual({ met: null, note: '' });
  });

  it('fails every automatic check of an empty draft', () => {
    const checks = evaluateCriteria(emptyDraft()).flatMap((c) => c.automatic?.checks ?? []);
    expect(checks.length).toBe(12);
    expect(checks.every((check) => !check.ok)).toBe(true);
  });

  it('checks the dates and the responsible parties under II', () => {
    expect(failing(edited((c) => (c.endDate = c.startDate)))).toEqual([
      'II: La fecha de conclusión es posterior a la de inicio.',
      'II: El compromiso dura 2 años o menos.',
      'II: Cada actividad tiene fechas dentro del periodo del compromiso.',
    ]);
    expect(failing(edited((c) => (c.endDate = '2023-03-02')))).toEqual(['II: El compromiso dura 2 años o menos.']);
    expect(failing(edited((c) => (c.linesOfAction[0]!.activities[0]!.startDate = '2021-01-01')))).toEqual([
      'II: Cada actividad tiene fechas dentro del periodo del compromiso.',
    ]);
    expect(failing(edited((c) => (c.responsibles[0]!.institution = ' ')))).toEqual([
      'II: Se nombra a las personas servidoras públicas responsables (nombre, cargo e institución).',
    ]);
    expect(failing(edited((c) => (c.coResponsible.person = '')))).toEqual([
      'II: Se nombra a la organización y a la persona corresponsables de la sociedad civil.',
    ]);
  });

  it('checks indicators and means of verification under III, and principles under IV', () => {
    expect(failing(edited((c) => (c.linesOfAction[2]!.activities[1]!.verification = '')))).toEqual([
      'III: Cada actividad tiene un medio de verificación.',
    ]);
    expect(failing(edited((c) => (c.indicators = [])))).toEqual(['III: Hay al menos un indicador.']);
    expect(failing(edited((c) => (c.principles = [])))).toEqual([
      'IV: Se elige al menos un principio de gobierno abierto.',
    ]);
  });

  it('checks the objectives of I: problem, long-term objective, final result, products', () => {
    expect(failing(edited((c) => ((c.problem = ''), (c.products = []))))).toEqual([
      'I: Se describe el problema público.',
      'I: Hay al menos un producto esperado.',
    ]);
  });
});
