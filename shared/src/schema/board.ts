import type { Commitment } from './commitment';
import type { CommitmentType, OdsNumber, Principle } from './commitmentCatalogues';
import { THEMES, type Mesa, type Theme } from './mesa';
import type { PublicEvidence } from './evidence';
import { commitmentCompletion, type ActivityProgress, type CompletionLevel } from './review';

/**
 * The public board (Tablero Público de Seguimiento): every published commitment with the progress of its
 * activities, as open data. Field by field, docs/open-data.md says what each means.
 */

/** The licence of the board's data, in the JSON and, as a `Link: <…>; rel="license"` header, with the CSV. */
export const BOARD_LICENSE = {
  name: 'Creative Commons Atribución 4.0 Internacional (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Secretariado Técnico Local de Gobierno Abierto del Estado de México (Cocrea)',
} as const;

/** Progress recorded for one activity by the STL's follow-up, its files' evidence resolved to what they are. */
export interface RecordedProgress extends Omit<ActivityProgress, 'evidence'> {
  evidence: PublicEvidence[];
  activityId: string;
  updatedAt: string;
}

export interface PublicProgress {
  /** `sin_evidencia` until someone records progress with evidence. */
  level: CompletionLevel;
  evidence: PublicEvidence[];
  note: string;
  /** When the progress was last recorded (ISO 8601), or null. */
  updatedAt: string | null;
}

export interface PublicActivity {
  id: string;
  title: string;
  objective: string;
  verification: string;
  startDate: string;
  endDate: string;
  progress: PublicProgress;
}

export interface PublicLineOfAction {
  id: string;
  title: string;
  activities: PublicActivity[];
}

/** The Plan de Acción Local a commitment belongs to (its mesa's), as the board names it. */
export interface BoardPlan {
  id: string;
  title: string;
}

export interface PublicCommitment {
  mesaId: string;
  /** The plan its mesa is filed in; null for a mesa filed in none. */
  plan: BoardPlan | null;
  mesaTitle: string;
  /** The commitment's own name. */
  title: string;
  type: CommitmentType;
  /** The institution that answers for the commitment. */
  leadInstitution: string;
  theme: Theme;
  /** The number of the published version. */
  version: number;
  publishedAt: string;
  problem: string;
  longTermObjective: string;
  commitment: string;
  linesOfAction: PublicLineOfAction[];
  roadmap: {
    responsibles: { name: string; position: string; institution: string }[];
    /** The co-responsible civil-society organisation; the person who speaks for it is not published. */
    coResponsibleOrganization: string;
    finalResult: string;
    products: string[];
    indicators: { name: string; formula: string; goal: string }[];
    startDate: string;
    endDate: string;
  };
  /** The route to fulfilment: ordered steps, each with its months (YYYY-MM) or none. */
  route: { text: string; startMonth: string | null; endMonth: string | null }[];
  principles: Principle[];
  ods: OdsNumber[];
  genderPerspective: string;
  statePriorities: string;
  /** The commitment's completion from its activities' ({@link commitmentCompletion}). */
  completion: CompletionLevel;
}

/** `GET /api/tablero`. */
export interface Board {
  license: typeof BOARD_LICENSE;
  /** The newest publication or recorded progress among the commitments shown (ISO 8601); null when none is. */
  updatedAt: string | null;
  commitments: PublicCommitment[];
}

const NO_PROGRESS: PublicProgress = { level: 'sin_evidencia', evidence: [], note: '', updatedAt: null };

/**
 * What the public sees of a published version. Every field is picked by name, never spread: the co-responsible
 * person, the self-assessment and anything a later schema adds stay out until someone decides to publish them.
 * Progress recorded for activities the version no longer has is left out.
 */
export function publicCommitment(input: {
  mesa: Pick<Mesa, 'id' | 'title'>;
  plan: BoardPlan | null;
  version: number;
  publishedAt: string;
  commitment: Commitment;
  progress: readonly RecordedProgress[];
}): PublicCommitment {
  const { mesa, version, publishedAt, commitment: c } = input;
  const progress = new Map(input.progress.map((p) => [p.activityId, p]));
  const linesOfAction = c.linesOfAction.map((line) => ({
    id: line.id,
    title: line.title,
    activities: line.activities.map((activity): PublicActivity => {
      const recorded = progress.get(activity.id);
      return {
        id: activity.id,
        title: activity.title,
        objective: activity.objective,
        verification: activity.verification,
        startDate: activity.startDate,
        endDate: activity.endDate,
        progress: recorded
          ? {
              level: recorded.level,
              evidence: recorded.evidence.map((e) => ({ ...e })),
              note: recorded.note,
              updatedAt: recorded.updatedAt,
            }
          : NO_PROGRESS,
      };
    }),
  }));
  return {
    mesaId: mesa.id,
    plan: input.plan && { id: input.plan.id, title: input.plan.title },
    mesaTitle: mesa.title,
    title: c.title,
    type: c.type,
    leadInstitution: c.leadInstitution,
    theme: c.theme,
    version,
    publishedAt,
    problem: c.problem,
    longTermObjective: c.longTermObjective,
    commitment: c.commitment,
    linesOfAction,
    roadmap: {
      responsibles: c.responsibles.map(({ name, position, institution }) => ({ name, position, institution })),
      coResponsibleOrganization: c.coResponsible.organization,
      finalResult: c.finalResult,
      products: c.products.map((product) => product.text),
      indicators: c.indicators.map(({ name, formula, goal }) => ({ name, formula, goal })),
      startDate: c.startDate,
      endDate: c.endDate,
    },
    route: c.route.map(({ text, startMonth, endMonth }) => ({ text, startMonth, endMonth })),
    principles: [...c.principles],
    ods: [...c.ods],
    genderPerspective: c.genderPerspective,
    statePriorities: c.statePriorities,
    completion: commitmentCompletion(
      linesOfAction.flatMap((line) => line.activities.map((activity) => activity.progress.level)),
    ),
  };
}

const THEME_ORDER = Object.keys(THEMES);

/** Commitments in the order of the plan's themes, then by title. */
export function sortBoard<T extends PublicCommitment>(commitments: T[]): T[] {
  return [...commitments].sort(
    (a, b) => THEME_ORDER.indexOf(a.theme) - THEME_ORDER.indexOf(b.theme) || a.title.localeCompare(b.title, 'es-MX'),
  );
}

/** The columns of `GET /api/tablero.csv`, one row per activity (docs/open-data.md). */
export const BOARD_CSV_COLUMNS = [
  'tema',
  'mesa_id',
  'mesa',
  'version',
  'publicado',
  'titulo',
  'tipo',
  'institucion_responsable',
  'compromiso',
  'avance_compromiso',
  'linea_numero',
  'linea_de_accion',
  'actividad_id',
  'actividad_numero',
  'actividad',
  'descripcion_objetivo',
  'medio_de_verificacion',
  'fecha_inicio',
  'fecha_conclusion',
  'avance_actividad',
  'evidencias',
  'nota_de_avance',
  'avance_actualizado',
  'evidencias_titulos',
  'plan_id',
  'plan',
] as const;

/** The board as CSV rows, the header first: one row per activity of every published commitment. */
export function boardCsvRows(board: Board): string[][] {
  const rows: string[][] = [[...BOARD_CSV_COLUMNS]];
  for (const c of board.commitments) {
    c.linesOfAction.forEach((line, l) => {
      line.activities.forEach((activity, a) => {
        const row: Record<(typeof BOARD_CSV_COLUMNS)[number], string> = {
          tema: c.theme,
          mesa_id: c.mesaId,
          mesa: c.mesaTitle,
          version: String(c.version),
          publicado: c.publishedAt,
          titulo: c.title,
          tipo: c.type,
          institucion_responsable: c.leadInstitution,
          compromiso: c.commitment,
          avance_compromiso: c.completion,
          linea_numero: String(l + 1),
          linea_de_accion: line.title,
          actividad_id: activity.id,
          actividad_numero: `${l + 1}.${a + 1}`,
          actividad: activity.title,
          descripcion_objetivo: activity.objective,
          medio_de_verificacion: activity.verification,
          fecha_inicio: activity.startDate,
          fecha_conclusion: activity.endDate,
          avance_actividad: activity.progress.level,
          evidencias: activity.progress.evidence.map((e) => e.url).join(' '),
          nota_de_avance: activity.progress.note,
          avance_actualizado: activity.progress.updatedAt ?? '',
          evidencias_titulos: activity.progress.evidence.map((e) => e.title).join(' | '),
          plan_id: c.plan?.id ?? '',
          plan: c.plan?.title ?? '',
        };
        rows.push(BOARD_CSV_COLUMNS.map((column) => row[column]));
      });
    });
  }
  return rows;
}
