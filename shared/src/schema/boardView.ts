import { z } from 'zod';
import type { BoardPlan, PublicActivity, PublicCommitment } from './board';
import { THEMES, themeSchema, type Theme } from './mesa';
import { COMPLETION_LEVELS, type CompletionLevel } from './review';

/**
 * The board at a glance (`GET /api/tablero/vista`): a summary per plan and theme, and one page of the commitments
 * a search and its filters find. The open data (`GET /api/tablero`) stays the whole board.
 */

export const BOARD_PAGE_SIZE = 20;

/** Where an activity stands today: done, late (its end date passed), under way, or not started yet. */
export const ACTIVITY_STATUSES = ['concluida', 'en_curso', 'atrasada', 'por_iniciar'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/**
 * An activity's status on `today` (YYYY-MM-DD, central Mexico): `concluida` when its progress is `completo`;
 * otherwise `atrasada` once its end date has passed, `en_curso` from its start date, `por_iniciar` before.
 */
export function activityStatus(
  activity: Pick<PublicActivity, 'startDate' | 'endDate'> & { progress: { level: CompletionLevel } },
  today: string,
): ActivityStatus {
  if (activity.progress.level === 'completo') return 'concluida';
  if (activity.endDate < today) return 'atrasada';
  return activity.startDate <= today ? 'en_curso' : 'por_iniciar';
}

export type ActivityCounts = Record<ActivityStatus, number> & { total: number };

/** How many of `commitments`' activities are in each status on `today`. */
export function countActivities(commitments: readonly PublicCommitment[], today: string): ActivityCounts {
  const counts: ActivityCounts = { total: 0, concluida: 0, en_curso: 0, atrasada: 0, por_iniciar: 0 };
  for (const c of commitments)
    for (const line of c.linesOfAction)
      for (const activity of line.activities) {
        counts.total++;
        counts[activityStatus(activity, today)]++;
      }
  return counts;
}

/** One theme of one plan: its commitments by completion (the IRM scale), its activities by status. */
export interface ThemeSummary {
  theme: Theme;
  commitments: Record<CompletionLevel, number> & { total: number };
  activities: ActivityCounts;
}

/** One plan's summary, its themes in the plan's order; `plan` null gathers commitments filed in no plan. */
export interface PlanSummary {
  plan: BoardPlan | null;
  themes: ThemeSummary[];
}

/** The summary of the whole board, plan by plan (in the order their first commitment comes), theme by theme. */
export function summarizeBoard(commitments: readonly PublicCommitment[], today: string): PlanSummary[] {
  const plans = new Map<string, { plan: BoardPlan | null; byTheme: Map<Theme, PublicCommitment[]> }>();
  for (const c of commitments) {
    const key = c.plan?.id ?? '';
    const entry = plans.get(key) ?? { plan: c.plan, byTheme: new Map() };
    plans.set(key, entry);
    entry.byTheme.set(c.theme, [...(entry.byTheme.get(c.theme) ?? []), c]);
  }
  const themeOrder = Object.keys(THEMES) as Theme[];
  return [...plans.values()].map(({ plan, byTheme }) => ({
    plan,
    themes: themeOrder.flatMap((theme) => {
      const ofTheme = byTheme.get(theme);
      if (!ofTheme) return [];
      const byLevel = Object.fromEntries(COMPLETION_LEVELS.map((level) => [level, 0])) as Record<
        CompletionLevel,
        number
      >;
      for (const c of ofTheme) byLevel[c.completion]++;
      return [
        {
          theme,
          commitments: { ...byLevel, total: ofTheme.length },
          activities: countActivities(ofTheme, today),
        },
      ];
    }),
  }));
}

/** A query-string filter: absent or empty means "any". */
function queryFilter<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

/** `GET /api/tablero/vista`'s query, and the board page's address: a search, filters, a page. */
export const boardQuerySchema = z.strictObject({
  /** Words to find in a commitment's title, wording, problem, institution, mesa or activities. */
  q: queryFilter(
    z
      .string({ error: 'La búsqueda debe ser texto.' })
      .trim()
      .max(200, 'La búsqueda admite como máximo 200 caracteres.'),
  ),
  theme: queryFilter(themeSchema),
  /** The commitment's completion on the IRM scale. */
  status: queryFilter(
    z.enum(COMPLETION_LEVELS, {
      error: 'El estado debe ser sin_evidencia, no_iniciado, limitado, sustancial o completo.',
    }),
  ),
  institution: queryFilter(
    z.string({ error: 'La institución debe ser texto.' }).max(300, 'La institución admite como máximo 300 caracteres.'),
  ),
  plan: queryFilter(z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'El plan no es válido.')),
  page: z.preprocess(
    (value) => (value === '' || value === undefined ? 1 : value),
    z.coerce
      .number({ error: 'La página debe ser un número entero de 1 en adelante.' })
      .int('La página debe ser un número entero de 1 en adelante.')
      .min(1, 'La página debe ser un número entero de 1 en adelante.')
      .max(10_000, 'La página debe ser un número entero de 1 en adelante.'),
  ),
});
export type BoardQuery = z.infer<typeof boardQuerySchema>;

/** Lower case, without accents: "Corrupción" is found by "corrupcion". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Whether `c` passes the query's search and filters (its page aside). */
export function matchesBoardQuery(c: PublicCommitment, query: Omit<BoardQuery, 'page'>): boolean {
  if (query.theme !== undefined && c.theme !== query.theme) return false;
  if (query.status !== undefined && c.completion !== query.status) return false;
  if (query.institution !== undefined && c.leadInstitution !== query.institution) return false;
  if (query.plan !== undefined && c.plan?.id !== query.plan) return false;
  if (query.q === undefined || query.q === '') return true;
  const haystack = foldForSearch(
    [
      c.title,
      c.commitment,
      c.problem,
      c.leadInstitution,
      c.mesaTitle,
      ...c.linesOfAction.flatMap((line) => [line.title, ...line.activities.map((a) => a.title)]),
    ].join('\n'),
  );
  return foldForSearch(query.q)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** `GET /api/tablero/vista`. */
export interface BoardView {
  /** Today in central Mexico (YYYY-MM-DD): what "late" and the cronograma's line are measured against. */
  today: string;
  updatedAt: string | null;
  /** The whole board's summary, whatever the filters. */
  summary: PlanSummary[];
  /** The choices of the filters: every plan and lead institution on the board. */
  plans: BoardPlan[];
  institutions: string[];
  /** How many commitments the search and filters find. */
  total: number;
  page: number;
  pageCount: number;
  /** This page's commitments, at most {@link BOARD_PAGE_SIZE}. */
  commitments: PublicCommitment[];
}

/** The view of `commitments` (the whole board, sorted) for `query` on `today`. */
export function boardView(
  commitments: readonly PublicCommitment[],
  query: BoardQuery,
  today: string,
  updatedAt: string | null,
): BoardView {
  const found = commitments.filter((c) => matchesBoardQuery(c, query));
  const pageCount = Math.max(1, Math.ceil(found.length / BOARD_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const plans = new Map<string, BoardPlan>();
  for (const c of commitments) if (c.plan) plans.set(c.plan.id, c.plan);
  return {
    today,
    updatedAt,
    summary: summarizeBoard(commitments, today),
    plans: [...plans.values()],
    institutions: [...new Set(commitments.map((c) => c.leadInstitution))].sort((a, b) => a.localeCompare(b, 'es-MX')),
    total: found.length,
    page,
    pageCount,
    commitments: found.slice((page - 1) * BOARD_PAGE_SIZE, page * BOARD_PAGE_SIZE),
  };
}
