import { z } from 'zod';
import { mesaIdSchema, themeSchema } from './mesa';
import { plainName } from './plainName';

/**
 * A commitment (compromiso) and its roadmap (hoja de ruta), as the methodology of the State of Mexico's Local Action
 * Plan defines them (seed 003 §3.2 Etapa 7, §4 and §5; seed 004 for the shape of lines of action).
 *
 * One model, two levels:
 * - {@link commitmentDraftSchema}: what the live collaborative form holds. Every key may be missing and every value
 *   empty; only the shape is checked (types, known keys, enumerations, ids, date format).
 * - {@link commitmentSchema}: what "Guardar compromiso" requires, what the REST API accepts and what is stored:
 *   every required field present, bounded lengths, consistent dates.
 *
 * Empty values have one spelling each: a text is `''`, something chosen (theme, date, link, yes/no) is `null`.
 */

/** Every bound of the model in one place, so the schema, the form and the document accessors agree. */
export const COMMITMENT_LIMITS = {
  /** Long texts: problem, objective, commitment, activities, perspectives, notes. */
  text: 5000,
  /** Names, positions, institutions, organisations. */
  shortText: 300,
  /** Every list: lines of action, activities per line, servants, products, indicators. */
  items: 50,
  /** Criterion II: a commitment must be feasible "en términos de tiempo (2 años)". */
  years: 2,
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Catalogues: principles, SDGs, criteria

/** The four open-government principles of criterion IV, as stored (slug) and as shown (label). */
export const PRINCIPLES = {
  transparencia: 'Transparencia',
  'rendicion-de-cuentas': 'Rendición de cuentas',
  'participacion-ciudadana': 'Participación ciudadana',
  innovacion: 'Innovación',
} as const;
export type Principle = keyof typeof PRINCIPLES;
const principleSlugs = Object.keys(PRINCIPLES) as [Principle, ...Principle[]];

/** The 17 Sustainable Development Goals (Agenda 2030) by number, with their official Spanish short names. */
export const ODS_NAMES = {
  1: 'Fin de la pobreza',
  2: 'Hambre cero',
  3: 'Salud y bienestar',
  4: 'Educación de calidad',
  5: 'Igualdad de género',
  6: 'Agua limpia y saneamiento',
  7: 'Energía asequible y no contaminante',
  8: 'Trabajo decente y crecimiento económico',
  9: 'Industria, innovación e infraestructura',
  10: 'Reducción de las desigualdades',
  11: 'Ciudades y comunidades sostenibles',
  12: 'Producción y consumo responsables',
  13: 'Acción por el clima',
  14: 'Vida submarina',
  15: 'Vida de ecosistemas terrestres',
  16: 'Paz, justicia e instituciones sólidas',
  17: 'Alianzas para lograr los objetivos',
} as const;
export type OdsNumber = keyof typeof ODS_NAMES;
/** 1 to 17, ascending. */
export const ODS_NUMBERS = Object.keys(ODS_NAMES).map(Number) as OdsNumber[];

/** The six criteria every commitment must meet (methodology §5), in their order. */
export const CRITERION_IDS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

/** Each criterion's short title (for headings) and its text as the methodology words it (seed 003 §5). */
export const CRITERIA: Record<CriterionId, { title: string; text: string }> = {
  I: {
    title: 'Problema público y objetivos claros',
    text: 'Responder a un problema público concreto y, por lo tanto, ser claro en sus objetivos (productos, resultados y, en su caso, impactos).',
  },
  II: {
    title: 'Factible',
    text: 'Factible jurídicamente, así como en términos de recursos y de tiempo (2 años), lo cual debe definirse desde el diseño y no posteriormente como excusa para su incumplimiento.',
  },
  III: {
    title: 'Medible y evaluable',
    text: 'Medible y evaluable para identificar sus resultados e impactos.',
  },
  IV: {
    title: 'Relevante para el gobierno abierto',
    text: 'Relevante desde una lógica de gobierno abierto, lo cual implica que el compromiso incluye en su formulación al menos uno de los principios de gobierno abierto: transparencia, rendición de cuentas, participación ciudadana e innovación.',
  },
  V: {
    title: 'Relevante para las prioridades estatales',
    text: 'Relevante en relación con las prioridades estatales.',
  },
  VI: {
    title: 'Perspectiva de igualdad de género',
    text: 'Contener una perspectiva de igualdad de género, interseccionalidades y no discriminación.',
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Building blocks and their Spanish messages

type RawIssue = z.core.$ZodRawIssue;

/** A missing value and a value of the wrong type are different mistakes; say which one it is. */
function presence(expected: string) {
  return (issue: RawIssue) => (issue.input === undefined || issue.input === null ? 'Es obligatorio.' : expected);
}

function objectError(issue: RawIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `${issue.keys.length === 1 ? 'Campo no reconocido' : 'Campos no reconocidos'}: ${issue.keys.join(', ')}.`;
  }
  return presence('Debe ser un objeto.')(issue);
}

function tooLong(max: number) {
  return (issue: RawIssue) =>
    `Admite como máximo ${max} caracteres (tiene ${typeof issue.input === 'string' ? issue.input.length : '?'}).`;
}

const DATE_MESSAGE = 'La fecha debe tener el formato AAAA-MM-DD y existir.';
/** Item ids are URL-safe so that they can stand in a field path (`linesOfAction.<id>.title`) and in a URL. */
const ITEM_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The stable id of a list item (line of action, activity, servant, product, indicator), and of the objectives-tree
 * node a line comes from. Ids survive reordering and concurrent edits; positions do not.
 */
export const itemIdSchema = z
  .string({ error: presence('El identificador debe ser texto.') })
  .regex(ITEM_ID_PATTERN, 'El identificador admite de 1 a 64 letras, dígitos, guiones o guiones bajos.');

/** One open-government principle, by slug. */
export const principleSchema = z.enum(principleSlugs, {
  error: `El principio debe ser uno de: ${Object.values(PRINCIPLES).join(', ')}.`,
});

/** One Sustainable Development Goal, by number. */
export const odsSchema = z.literal(ODS_NUMBERS, { error: 'El ODS debe ser un número entero del 1 al 17.' });

const commitmentMesaIdSchema = z
  .string({ error: presence('La mesa debe ser un identificador de texto.') })
  .refine((value) => mesaIdSchema.safeParse(value).success, 'La mesa debe ser un identificador de 16 caracteres.');

const isoDate = z.iso.date({ error: presence(DATE_MESSAGE) });

/** The theme list is the right answer to a wrong theme, not to a theme nobody has chosen yet. */
const requiredThemeSchema = z
  .unknown()
  .refine((value): boolean => value !== undefined && value !== null, 'Elija el tema.')
  .pipe(themeSchema);

function strict<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, { error: objectError });
}

function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: presence('Debe ser una lista.') });
}

// ---------------------------------------------------------------------------------------------------------------
// DRAFT: what the live form holds

const draftText = () => z.string({ error: 'Debe ser texto.' }).default('');
const draftDate = () => isoDate.nullable().default(null);
const criteriaShape = <T extends z.ZodType>(criterion: () => T) => ({
  I: criterion(),
  II: criterion(),
  III: criterion(),
  IV: criterion(),
  V: criterion(),
  VI: criterion(),
});

const activityDraftSchema = strict({
  id: itemIdSchema,
  title: draftText(),
  objective: draftText(),
  verification: draftText(),
  startDate: draftDate(),
  endDate: draftDate(),
});

const lineDraftSchema = strict({
  id: itemIdSchema,
  title: draftText(),
  meansId: itemIdSchema.nullable().default(null),
  activities: list(activityDraftSchema).default([]),
});

const criterionDraftSchema = () =>
  strict({
    met: z.boolean({ error: 'Debe ser sí (true), no (false) o sin respuesta (null).' }).nullable().default(null),
    note: draftText(),
  }).prefault({});

/**
 * The commitment as the live collaborative form holds it. No length bounds either: two people typing at once can
 * push a text past its bound, and the form must still read; {@link missingFields} reports it against the field.
 */
export const commitmentDraftSchema = strict({
  theme: themeSchema.nullable().default(null),
  mesaId: commitmentMesaIdSchema.nullable().default(null),
  problem: draftText(),
  /** The objectives tree's central problem this commitment answers, when the tree has one. */
  problemNodeId: itemIdSchema.nullable().default(null),
  longTermObjective: draftText(),
  commitment: draftText(),
  linesOfAction: list(lineDraftSchema).default([]),
  responsibles: list(
    strict({ id: itemIdSchema, name: draftText(), position: draftText(), institution: draftText() }),
  ).default([]),
  coResponsible: strict({ organization: draftText(), person: draftText() }).prefault({}),
  finalResult: draftText(),
  products: list(strict({ id: itemIdSchema, text: draftText() })).default([]),
  indicators: list(strict({ id: itemIdSchema, name: draftText(), formula: draftText(), goal: draftText() })).default(
    [],
  ),
  startDate: draftDate(),
  endDate: draftDate(),
  principles: list(principleSchema).default([]),
  ods: list(odsSchema).default([]),
  genderPerspective: draftText(),
  statePriorities: draftText(),
  criteria: strict(criteriaShape(criterionDraftSchema)).prefault({}),
});
/** A commitment draft with every key present (missing ones filled with their empty value). */
export type CommitmentDraft = z.output<typeof commitmentDraftSchema>;

// ---------------------------------------------------------------------------------------------------------------
// SAVE: what "Guardar compromiso" requires

function requiredText(max: number) {
  return z
    .string({ error: presence('Debe ser texto.') })
    .trim()
    .min(1, 'Es obligatorio.')
    .max(max, { error: tooLong(max) });
}

/** A person's or an institution's name, which the public board shows: plain visible text (see `plainName`). */
function requiredName() {
  return requiredText(COMMITMENT_LIMITS.shortText).superRefine(plainName);
}

function optionalText(max: number) {
  return z
    .string({ error: 'Debe ser texto.' })
    .trim()
    .max(max, { error: tooLong(max) })
    .default('');
}

function boundedList<T extends z.ZodType>(item: T, min: 0 | 1, emptyMessage = '') {
  return list(item)
    .min(min, emptyMessage)
    .max(COMMITMENT_LIMITS.items, `Admite como máximo ${COMMITMENT_LIMITS.items} elementos.`);
}

const { text: TEXT, shortText: SHORT } = COMMITMENT_LIMITS;

const activitySchema = strict({
  id: itemIdSchema,
  title: requiredText(TEXT),
  objective: requiredText(TEXT),
  verification: requiredText(TEXT),
  startDate: isoDate,
  endDate: isoDate,
});

const lineSchema = strict({
  id: itemIdSchema,
  title: requiredText(TEXT),
  meansId: itemIdSchema.nullable().default(null),
  activities: boundedList(activitySchema, 1, 'Agregue al menos una actividad a la línea de acción.'),
});

const criterionSchema = () =>
  strict({
    met: z.boolean({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? 'Indique si el compromiso cumple este criterio.'
          : 'Debe ser sí (true) o no (false).',
    }),
    note: optionalText(TEXT),
  }).superRefine((criterion, ctx) => {
    // A "no" without a reason gives the STL nothing to work with when it reviews the commitment.
    if (criterion.met === false && criterion.note === '') {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Explique por qué no se cumple el criterio.' });
    }
  });

/**
 * A complete commitment: the body of "Guardar compromiso", the REST API's commitment and the stored record. Texts
 * come out trimmed. Besides each field's rules it checks across fields (see {@link crossFieldIssues}).
 */
export const commitmentSchema = strict({
  theme: requiredThemeSchema,
  mesaId: commitmentMesaIdSchema,
  problem: requiredText(TEXT),
  problemNodeId: itemIdSchema.nullable().default(null),
  longTermObjective: requiredText(TEXT),
  commitment: requiredText(TEXT),
  linesOfAction: boundedList(lineSchema, 1, 'Agregue al menos una línea de acción.'),
  responsibles: boundedList(
    strict({
      id: itemIdSchema,
      name: requiredName(),
      position: requiredText(SHORT),
      institution: requiredName(),
    }),
    1,
    'Agregue al menos una persona servidora pública responsable.',
  ),
  coResponsible: strict({ organization: requiredName(), person: requiredName() }),
  finalResult: requiredText(TEXT),
  products: boundedList(strict({ id: itemIdSchema, text: requiredText(TEXT) }), 1, 'Agregue al menos un producto.'),
  indicators: boundedList(
    strict({ id: itemIdSchema, name: requiredText(TEXT), formula: optionalText(TEXT), goal: optionalText(TEXT) }),
    1,
    'Agregue al menos un indicador.',
  ),
  startDate: isoDate,
  endDate: isoDate,
  principles: list(principleSchema)
    .min(1, 'Elija al menos un principio de gobierno abierto.')
    .refine((principles) => new Set(principles).size === principles.length, 'No repita principios.'),
  ods: list(odsSchema).refine((ods) => new Set(ods).size === ods.length, 'No repita objetivos.'),
  genderPerspective: requiredText(TEXT),
  statePriorities: requiredText(TEXT),
  criteria: strict(criteriaShape(criterionSchema)),
}).superRefine(
  (value: unknown, ctx) => {
    for (const { path, message } of crossFieldIssues(value)) ctx.addIssue({ code: 'custom', path, message });
  },
  // Run even when fields failed: the form shows every problem at once, not the date problems after the rest.
  { when: () => true },
);
/** A complete, saved commitment. */
export type Commitment = z.output<typeof commitmentSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Dates and cross-field rules

const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

function isDate(value: unknown): value is string {
  return isoDate.safeParse(value).success;
}

/** "2021-03-01" → "1 de marzo de 2021". */
function spanishDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} de ${MONTHS[(month ?? 1) - 1]} de ${year}`;
}

/**
 * The last day a commitment that starts on `start` may end: the same calendar day {@link COMMITMENT_LIMITS.years}
 * years later, or 28 February when it starts on 29 February. Dates are YYYY-MM-DD, so plain string comparison
 * orders them.
 */
export function latestEndDate(start: string): string {
  const year = Number(start.slice(0, 4)) + COMMITMENT_LIMITS.years;
  const monthDay = start.slice(5) === '02-29' ? '02-28' : start.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

interface CrossFieldIssue {
  path: (string | number)[];
  message: string;
}

/** Plain records and arrays of them out of a value that may not have passed its own rules. */
function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map((item) => (typeof item === 'object' && item !== null ? item : {})) : [];
}

/**
 * The rules that span fields: the commitment ends after it starts and within two years; each activity ends on or
 * after its start (a one-day event is an activity) and lies within the commitment's period; ids are unique. Works
 * on anything, because it also runs when some fields failed their own rules.
 */
function crossFieldIssues(value: unknown): CrossFieldIssue[] {
  if (typeof value !== 'object' || value === null) return [];
  const commitment = value as Record<string, unknown>;
  const issues: CrossFieldIssue[] = [];
  const { startDate: start, endDate: end } = commitment;

  if (isDate(start) && isDate(end)) {
    if (end <= start) {
      issues.push({ path: ['endDate'], message: 'La fecha de conclusión debe ser posterior a la de inicio.' });
    } else if (end > latestEndDate(start)) {
      issues.push({
        path: ['endDate'],
        message: `El compromiso debe concluir en un plazo de ${COMMITMENT_LIMITS.years} años: a más tardar el ${spanishDate(latestEndDate(start))}.`,
      });
    }
  }

  const seen = new Set<string>();
  const checkId = (item: Record<string, unknown>, path: (string | number)[]) => {
    if (typeof item.id !== 'string') return;
    if (seen.has(item.id))
      issues.push({ path: [...path, 'id'], message: `El identificador ${item.id} está repetido.` });
    seen.add(item.id);
  };

  records(commitment.linesOfAction).forEach((line, l) => {
    checkId(line, ['linesOfAction', l]);
    records(line.activities).forEach((activity, a) => {
      const path = ['linesOfAction', l, 'activities', a];
      checkId(activity, path);
      const { startDate: from, endDate: to } = activity;
      if (isDate(from) && isDate(to) && to < from) {
        issues.push({
          path: [...path, 'endDate'],
          message: 'La actividad no puede concluir antes de iniciar.',
        });
      }
      if (isDate(from) && isDate(start) && from < start) {
        issues.push({
          path: [...path, 'startDate'],
          message: `La actividad no puede iniciar antes que el compromiso (${spanishDate(start)}).`,
        });
      }
      if (isDate(to) && isDate(end) && to > end) {
        issues.push({
          path: [...path, 'endDate'],
          message: `La actividad no puede concluir después que el compromiso (${spanishDate(end)}).`,
        });
      }
    });
  });
  for (const key of ['responsibles', 'products', 'indicators'] as const) {
    records(commitment[key]).forEach((item, i) => checkId(item, [key, i]));
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------------------------
// Field labels and missing fields

/**
 * The Spanish name of every field, by pattern: a list item's id is written `*` (`linesOfAction.*.title`), and so is
 * the criterion (`criteria.*.note`). In form order, which is the order {@link missingFields} reports in.
 */
export const COMMITMENT_FIELD_LABELS = {
  theme: 'Tema',
  mesaId: 'Mesa de cocreación',
  problem: 'Problema público',
  problemNodeId: 'Problema central del árbol',
  longTermObjective: 'Objetivo de largo plazo',
  commitment: 'Compromiso definitivo',
  linesOfAction: 'Líneas de acción',
  'linesOfAction.*': 'Línea de acción',
  'linesOfAction.*.id': 'Identificador',
  'linesOfAction.*.title': 'Enunciado',
  'linesOfAction.*.meansId': 'Medio del árbol de objetivos',
  'linesOfAction.*.activities': 'Actividades',
  'linesOfAction.*.activities.*': 'Actividad',
  'linesOfAction.*.activities.*.id': 'Identificador',
  'linesOfAction.*.activities.*.title': 'Enunciado',
  'linesOfAction.*.activities.*.objective': 'Descripción / objetivo',
  'linesOfAction.*.activities.*.verification': 'Medio de verificación',
  'linesOfAction.*.activities.*.startDate': 'Fecha de inicio',
  'linesOfAction.*.activities.*.endDate': 'Fecha de conclusión',
  responsibles: 'Personas servidoras públicas responsables',
  'responsibles.*': 'Persona servidora pública responsable',
  'responsibles.*.id': 'Identificador',
  'responsibles.*.name': 'Nombre',
  'responsibles.*.position': 'Cargo',
  'responsibles.*.institution': 'Institución',
  coResponsible: 'Sociedad civil corresponsable',
  'coResponsible.organization': 'Organización',
  'coResponsible.person': 'Persona',
  finalResult: 'Resultado final',
  products: 'Productos esperados',
  'products.*': 'Producto esperado',
  'products.*.id': 'Identificador',
  'products.*.text': 'Descripción',
  indicators: 'Indicadores',
  'indicators.*': 'Indicador',
  'indicators.*.id': 'Identificador',
  'indicators.*.name': 'Nombre',
  'indicators.*.formula': 'Fórmula o método de cálculo',
  'indicators.*.goal': 'Meta',
  startDate: 'Fecha de inicio del compromiso',
  endDate: 'Fecha de conclusión del compromiso',
  principles: 'Principios de gobierno abierto',
  ods: 'Objetivos de Desarrollo Sostenible (ODS)',
  genderPerspective: 'Perspectiva de igualdad de género, interseccionalidad y no discriminación',
  statePriorities: 'Alineación con las prioridades estatales (Plan Estatal de Desarrollo)',
  criteria: 'Criterios del compromiso',
  'criteria.*': 'Criterio',
  'criteria.*.met': '¿Se cumple?',
  'criteria.*.note': 'Nota',
} as const;
export type CommitmentFieldPattern = keyof typeof COMMITMENT_FIELD_LABELS;

/** Lists whose items carry an id: a path names the item by id, a label by its position. */
const ITEM_LISTS: ReadonlySet<string> = new Set([
  'linesOfAction',
  'linesOfAction.*.activities',
  'responsibles',
  'products',
  'indicators',
]);
/** Lists of plain values (chosen in one picker): a problem with one element is a problem of the list. */
const VALUE_LISTS: ReadonlySet<string> = new Set(['principles', 'ods']);
const FIELD_ORDER = new Map(Object.keys(COMMITMENT_FIELD_LABELS).map((pattern, rank) => [pattern, rank]));

/** The pattern of a field path: `linesOfAction.k3J9.activities.x1.title` → `linesOfAction.*.activities.*.title`. */
export function commitmentFieldPattern(path: string): string {
  const pattern: string[] = [];
  for (const segment of path === '' ? [] : path.split('.')) {
    const parent = pattern.join('.');
    pattern.push(ITEM_LISTS.has(parent) || parent === 'criteria' ? '*' : segment);
  }
  return pattern.join('.');
}

/** One problem that keeps a draft from being saved, to show next to its field. */
export interface CommitmentProblem {
  /** The field, with list items named by id: `linesOfAction.<lineId>.activities.<activityId>.verification`. */
  path: string;
  /** Where it is, in Spanish, with positions as shown: "Línea de acción 2 › Actividad 1 › Medio de verificación". */
  label: string;
  message: string;
}

/**
 * What keeps `draft` from passing {@link commitmentSchema}, one problem per field (the first), in form order.
 * Empty when the draft can be saved.
 */
export function missingFields(draft: CommitmentDraft): CommitmentProblem[] {
  const result = commitmentSchema.safeParse(draft);
  if (result.success) return [];
  const described = result.error.issues.map((issue) => ({
    ...describePath(issue.path, draft),
    message: issue.message,
  }));
  described.sort((a, b) => compareRanks(a.rank, b.rank));
  const seen = new Set<string>();
  const problems: CommitmentProblem[] = [];
  for (const { path, label, message } of described) {
    if (seen.has(path)) continue;
    seen.add(path);
    problems.push({ path, label, message });
  }
  return problems;
}

/** Turns a zod path (positions) into an id path, a positional Spanish label and a rank in form order. */
function describePath(segments: readonly PropertyKey[], root: unknown) {
  const path: string[] = [];
  const labels: string[] = [];
  const rank: number[] = [];
  let node = root;
  for (const [i, segment] of segments.entries()) {
    const parent = commitmentFieldPattern(path.join('.'));
    if (VALUE_LISTS.has(parent)) break;
    const child = isIndexable(node) ? (node as Record<PropertyKey, unknown>)[segment] : undefined;
    if (ITEM_LISTS.has(parent) && typeof segment === 'number') {
      const id = isIndexable(child) ? (child as { id?: unknown }).id : undefined;
      path.push(typeof id === 'string' && id !== '' ? id : String(segment));
      labels.push(`${label(commitmentFieldPattern(path.join('.')))} ${segment + 1}`);
      rank.push(segment);
    } else {
      path.push(String(segment));
      const pattern = commitmentFieldPattern(path.join('.'));
      // A list or the criteria, when the path goes on into one of their items, is named by that item alone.
      const isContainer = i + 1 < segments.length && (ITEM_LISTS.has(pattern) || pattern === 'criteria');
      if (parent === 'criteria') labels.push(`${label(pattern)} ${String(segment)}`);
      else if (!isContainer) labels.push(label(pattern));
      rank.push(FIELD_ORDER.get(pattern) ?? FIELD_ORDER.size);
    }
    node = child;
  }
  return { path: path.join('.'), label: labels.length > 0 ? labels.join(' › ') : 'Compromiso', rank };
}

function isIndexable(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function label(pattern: string): string {
  return (COMMITMENT_FIELD_LABELS as Record<string, string>)[pattern] ?? pattern;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  }
  return a.length - b.length;
}

// ---------------------------------------------------------------------------------------------------------------
// Criteria evaluation

/** One thing the app checked on its own. */
export interface CriterionCheck {
  label: string;
  ok: boolean;
}

/** A criterion as the form shows it: what the app can check, and what the group said. */
export interface CriterionEvaluation {
  id: CriterionId;
  title: string;
  /** `null` where no fact in the data speaks to the criterion: only the group's judgement does. */
  automatic: { checks: CriterionCheck[] } | null;
  selfAssessment: { met: boolean | null; note: string };
}

const filled = (text: string) => text.trim() !== '';

/**
 * Checks what can be checked of the six criteria and sets it beside the group's self-assessment.
 *
 * - I: the problem, the long-term objective, the final result and at least one product are written: the
 *   criterion asks for "objetivos (productos, resultados…)".
 * - II: the dates are in order and span at most two years, each activity lies within them, and the responsible
 *   servants and civil-society co-responsible are named. Responsibles belong here rather than under I: the
 *   methodology assigns them "según viabilidad y factibilidad" (§3.2), and someone has to be able to carry it out.
 * - III: there is an indicator and every activity has a means of verification.
 * - IV: at least one open-government principle is chosen.
 * - V and VI: relevance to state priorities and the gender perspective are judgements; the texts that argue them
 *   are required to save, but only the group can say whether they hold.
 */
export function evaluateCriteria(commitment: CommitmentDraft): CriterionEvaluation[] {
  const activities = commitment.linesOfAction.flatMap((line) => line.activities);
  const { startDate: start, endDate: end } = commitment;
  const datesInOrder = start !== null && end !== null && start < end;

  const automatic: Record<CriterionId, CriterionCheck[] | null> = {
    I: [
      { label: 'Se describe el problema público.', ok: filled(commitment.problem) },
      { label: 'Se define el objetivo de largo plazo.', ok: filled(commitment.longTermObjective) },
      { label: 'Se describe el resultado final.', ok: filled(commitment.finalResult) },
      { label: 'Hay al menos un producto esperado.', ok: commitment.products.some((p) => filled(p.text)) },
    ],
    II: [
      { label: 'La fecha de conclusión es posterior a la de inicio.', ok: datesInOrder },
      {
        label: `El compromiso dura ${COMMITMENT_LIMITS.years} años o menos.`,
        ok: datesInOrder && end <= latestEndDate(start),
      },
      {
        label: 'Cada actividad tiene fechas dentro del periodo del compromiso.',
        ok:
          datesInOrder &&
          activities.length > 0 &&
          activities.every(
            (a) =>
              a.startDate !== null &&
              a.endDate !== null &&
              start <= a.startDate &&
              a.startDate <= a.endDate &&
              a.endDate <= end,
          ),
      },
      {
        label: 'Se nombra a las personas servidoras públicas responsables (nombre, cargo e institución).',
        ok:
          commitment.responsibles.length > 0 &&
          commitment.responsibles.every((r) => filled(r.name) && filled(r.position) && filled(r.institution)),
      },
      {
        label: 'Se nombra a la organización y a la persona corresponsables de la sociedad civil.',
        ok: filled(commitment.coResponsible.organization) && filled(commitment.coResponsible.person),
      },
    ],
    III: [
      { label: 'Hay al menos un indicador.', ok: commitment.indicators.some((i) => filled(i.name)) },
      {
        label: 'Cada actividad tiene un medio de verificación.',
        ok: activities.length > 0 && activities.every((a) => filled(a.verification)),
      },
    ],
    IV: [{ label: 'Se elige al menos un principio de gobierno abierto.', ok: commitment.principles.length > 0 }],
    V: null,
    VI: null,
  };

  return CRITERION_IDS.map((id) => {
    const checks = automatic[id];
    return {
      id,
      title: CRITERIA[id].title,
      automatic: checks === null ? null : { checks },
      selfAssessment: { met: commitment.criteria[id].met, note: commitment.criteria[id].note },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Migrations

/** The version of {@link commitmentSchema} a stored record is written with. Bump it with each new migration. */
export const COMMITMENT_VERSION = 1;

/**
 * Append-only: `commitmentMigrations[n]` turns a version n+1 record into a version n+2 record. Empty while version 1
 * is the only version.
 */
export const commitmentMigrations: readonly ((record: Record<string, unknown>) => Record<string, unknown>)[] = [];

/** Brings a stored record written at `version` up to {@link COMMITMENT_VERSION}; parse the result with the schema. */
export function migrateCommitment(record: Record<string, unknown>, version: number): Record<string, unknown> {
  if (!Number.isInteger(version) || version < 1 || version > COMMITMENT_VERSION) {
    throw new RangeError(`Unknown commitment version ${version}; this code knows 1 to ${COMMITMENT_VERSION}.`);
  }
  return commitmentMigrations.slice(version - 1).reduce((migrated, migrate) => migrate(migrated), record);
}
