import { z } from 'zod';
import type { TreeJson } from '../doc/tree';
import { BOARD_CSV_COLUMNS, BOARD_LICENSE, boardCsvRows, type PublicCommitment } from './board';
import type { Commitment } from './commitment';
import { CRITERIA, CRITERION_IDS, type CriterionId } from './commitmentCatalogues';
import type { Plan } from './plan';
import { publicCommitmentSchema } from './responses';

/**
 * The Plan's document as open data (seed 003 §6, "Documento final del Plan de Acción Local"): the plan and every
 * commitment of it that the STL published, as the board publishes each one, plus what the printed document shows
 * and the board does not: the mesa's problem tree and the commitment's six criteria. docs/open-data.md says what
 * each field means.
 */

/** A node of a published problem tree: its kind, its whole text and its children; nothing says who wrote it. */
export const publicTreeNodeSchema: z.ZodType<TreeJson> = z.lazy(() =>
  z.object({
    kind: z.enum(['problema', 'causa', 'efecto']),
    text: z.string(),
    children: z.array(publicTreeNodeSchema),
  }),
);

/** How a published commitment meets one of the methodology's six criteria (seed 003, criteria I to VI). */
export const publicCriterionSchema = z.object({
  id: z.enum(CRITERION_IDS),
  title: z.string(),
  met: z.boolean(),
  note: z.string(),
});
export type PublicCriterion = z.infer<typeof publicCriterionSchema>;

/** A commitment of the plan's document: the board's fields, its problem tree and its criteria. */
export const planCommitmentSchema = publicCommitmentSchema.extend({
  /** The problem tree of the commitment's mesa; null when the mesa never drew one. */
  problemTree: publicTreeNodeSchema.nullable(),
  criteria: z.array(publicCriterionSchema).length(CRITERION_IDS.length),
});
export type PlanCommitment = z.infer<typeof planCommitmentSchema>;

/** What the public sees of the plan itself: never its privacy notice's readers or its events' registrants. */
export const publicPlanSchema = z.object({
  id: z.string(),
  title: z.string(),
  period: z.string(),
  entity: z.string(),
});
export type PublicPlan = z.infer<typeof publicPlanSchema>;

/** `GET /api/planes/:planId/datos.json`. */
export const planOpenDataSchema = z.object({
  license: z.object({
    name: z.literal(BOARD_LICENSE.name),
    url: z.literal(BOARD_LICENSE.url),
    attribution: z.literal(BOARD_LICENSE.attribution),
  }),
  plan: publicPlanSchema,
  /** The newest publication or recorded progress among the commitments (ISO 8601); null when there is none. */
  updatedAt: z.string().nullable(),
  commitments: z.array(planCommitmentSchema),
});
export type PlanOpenData = z.infer<typeof planOpenDataSchema>;

/** The plan's public fields, picked by name: its privacy notice and creation time stay out. */
export function publicPlan(plan: Plan): PublicPlan {
  return { id: plan.id, title: plan.title, period: plan.period, entity: plan.entity };
}

/** The six criteria of a published commitment, in order, with the methodology's title of each. */
export function publicCriteria(commitment: Pick<Commitment, 'criteria'>): PublicCriterion[] {
  return CRITERION_IDS.map((id: CriterionId) => ({
    id,
    title: CRITERIA[id].title,
    met: commitment.criteria[id].met,
    note: commitment.criteria[id].note,
  }));
}

/** A problem tree as published: null when nothing was ever written in it (an empty problem and no branches). */
export function publicTree(tree: TreeJson): TreeJson | null {
  return tree.text.trim() === '' && tree.children.length === 0 ? null : tree;
}

/** A board commitment with what the plan's document adds to it. */
export function planCommitment(
  board: PublicCommitment,
  commitment: Pick<Commitment, 'criteria'>,
  tree: TreeJson,
): PlanCommitment {
  return { ...board, problemTree: publicTree(tree), criteria: publicCriteria(commitment) };
}

/** The columns of `GET /api/planes/:planId/datos.csv`: the plan's, then the board's (docs/open-data.md). */
export const PLAN_CSV_COLUMNS = ['plan_id', 'plan', 'periodo', 'entidad', ...BOARD_CSV_COLUMNS] as const;

/** The plan's open data as CSV rows, the header first: one row per activity, the plan's columns on every row. */
export function planCsvRows(data: PlanOpenData): string[][] {
  const [, ...rows] = boardCsvRows({ license: data.license, updatedAt: data.updatedAt, commitments: data.commitments });
  const plan = [data.plan.id, data.plan.title, data.plan.period, data.plan.entity];
  return [[...PLAN_CSV_COLUMNS], ...rows.map((row) => [...plan, ...row])];
}
