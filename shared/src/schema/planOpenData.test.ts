import { describe, expect, it } from 'vitest';
import { BOARD_CSV_COLUMNS, BOARD_LICENSE, publicCommitment } from './board';
import { seed004Commitment } from './fixtures/seed004';
import {
  PLAN_CSV_COLUMNS,
  planCommitment,
  planCsvRows,
  planOpenDataSchema,
  publicPlan,
  type PlanOpenData,
} from './planOpenData';

const plan = {
  id: 'planDePrueba0001',
  title: 'Primer Plan de Acción Local',
  period: '2026–2028',
  entity: 'Estado de México',
  privacyNotice: 'Aviso de privacidad que nunca se publica en los datos abiertos.',
  createdAt: '2026-11-01T00:00:00.000Z',
};
const tree = {
  kind: 'problema' as const,
  text: 'Baja apertura institucional municipal',
  children: [{ kind: 'causa' as const, text: 'No hay estudios de apertura', children: [] }],
};

function data(problemTree = tree): PlanOpenData {
  const board = publicCommitment({
    mesa: { id: 'infoemProactivo1', title: 'Mesa Infoem' },
    plan: { id: 'planDePrueba0001', title: 'Plan de prueba' },
    version: 2,
    publishedAt: '2026-12-01T18:00:00.000Z',
    commitment: seed004Commitment,
    progress: [],
  });
  return {
    license: BOARD_LICENSE,
    plan: publicPlan(plan),
    updatedAt: '2026-12-01T18:00:00.000Z',
    commitments: [planCommitment(board, seed004Commitment, problemTree)],
  };
}

describe('the plan’s open data', () => {
  it('passes its own schema, new fields included', () => {
    const parsed = planOpenDataSchema.parse(data());
    expect(parsed.plan).toEqual({ id: plan.id, title: plan.title, period: plan.period, entity: plan.entity });
    expect(parsed.commitments[0]!.problemTree).toEqual(tree);
    expect(parsed.commitments[0]!.criteria.map((c) => c.id)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(parsed.commitments[0]!.criteria[0]).toEqual({
      id: 'I',
      title: 'Problema público y objetivos claros',
      met: seed004Commitment.criteria.I.met,
      note: seed004Commitment.criteria.I.note,
    });
  });

  it('refuses a tree node of another kind, or criteria short of six', () => {
    const badTree = { ...data(), commitments: [{ ...data().commitments[0]!, problemTree: { ...tree, kind: 'x' } }] };
    expect(planOpenDataSchema.safeParse(badTree).success).toBe(false);
    const fewCriteria = { ...data(), commitments: [{ ...data().commitments[0]!, criteria: [] }] };
    expect(planOpenDataSchema.safeParse(fewCriteria).success).toBe(false);
  });

  it('publishes an untouched tree as null, and never the privacy notice or the co-responsible person', () => {
    expect(data({ kind: 'problema', text: '  ', children: [] }).commitments[0]!.problemTree).toBeNull();
    const json = JSON.stringify(data());
    expect(json).not.toContain(plan.privacyNotice);
    expect(json).not.toContain(seed004Commitment.coResponsible.person);
  });

  it('writes one CSV row per activity, the plan’s columns first on each', () => {
    const rows = planCsvRows(data());
    expect(rows[0]).toEqual([...PLAN_CSV_COLUMNS]);
    expect(rows[0]!.slice(4)).toEqual([...BOARD_CSV_COLUMNS]);
    const activities = seed004Commitment.linesOfAction.flatMap((line) => line.activities);
    expect(rows).toHaveLength(1 + activities.length);
    for (const row of rows.slice(1)) {
      expect(row.slice(0, 4)).toEqual([plan.id, plan.title, plan.period, plan.entity]);
      expect(row).toHaveLength(PLAN_CSV_COLUMNS.length);
    }
  });
});
