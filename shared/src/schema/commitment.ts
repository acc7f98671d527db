import { z } from 'zod';
import { commitmentTypeSchema, odsSchema, principleSchema } from './commitmentCatalogues';
import { COMMITMENT_LIMITS } from './commitmentLimits';
import { MONTH_PATTERN } from './months';
import { crossFieldIssues } from './commitmentRules';
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

const commitmentMesaIdSchema = z
  .string({ error: presence('La mesa debe ser un identificador de texto.') })
  .refine((value) => mesaIdSchema.safeParse(value).success, 'La mesa debe ser un identificador de 16 caracteres.');

const isoDate = z.iso.date({ error: presence(DATE_MESSAGE) });

/** A month of a route step: YYYY-MM, or null while nobody has chosen it. */
const monthSchema = z
  .string({ error: 'El mes debe tener el formato AAAA-MM.' })
  .regex(MONTH_PATTERN, 'El mes debe tener el formato AAAA-MM.')
  .nullable()
  .default(null);

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
  /** The commitment's name, as the print view's heading and the board show it. */
  title: draftText(),
  /** Who drafts it; a mesa's draft that has none is a mesa's commitment (see `commitmentPayload`). */
  type: commitmentTypeSchema.nullable().default(null),
  /** The institution that answers for it (institución responsable), as seed 004 heads it: "Compromiso … del Infoem". */
  leadInstitution: draftText(),
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
  /** The route to fulfilment (ruta para el cumplimiento, seed 001): ordered steps, each when it happens. */
  route: list(strict({ id: itemIdSchema, text: draftText(), startMonth: monthSchema, endMonth: monthSchema })).default(
    [],
  ),
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
  title: requiredText(SHORT).superRefine(plainName),
  type: z
    .unknown()
    .refine((value): boolean => value !== undefined && value !== null, 'Es obligatorio.')
    .pipe(commitmentTypeSchema),
  leadInstitution: requiredName(),
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
  // Optional as a whole (a mesa's commitment may have none) and in its months (seed 001's route has none; its
  // cronograma does): a saved version from before the route reads with none.
  route: boundedList(
    strict({ id: itemIdSchema, text: requiredText(SHORT), startMonth: monthSchema, endMonth: monthSchema }),
    0,
  ).default([]),
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
// Migrations

/** The version of {@link commitmentSchema} a stored record is written with. Bump it with each new migration. */
export const COMMITMENT_VERSION = 2;

/** What a migration may need beyond the record itself: a record is stored under its mesa, not beside it. */
export interface CommitmentMigrationContext {
  /** The title of the mesa the version was saved in. */
  mesaTitle: string;
}

type CommitmentMigration = (
  record: Record<string, unknown>,
  context: CommitmentMigrationContext,
) => Record<string, unknown>;

/** The first responsible servant's institution in a record that may not have passed the schema. */
function firstInstitution(record: Record<string, unknown>): string {
  const [first] = Array.isArray(record.responsibles) ? (record.responsibles as unknown[]) : [];
  const institution =
    typeof first === 'object' && first !== null ? (first as { institution?: unknown }).institution : '';
  return typeof institution === 'string' ? institution : '';
}

/**
 * Append-only: `commitmentMigrations[n]` turns a version n+1 record into a version n+2 record. Never change one
 * that was released: stored rows keep their version forever and are migrated on every read.
 */
export const commitmentMigrations: readonly CommitmentMigration[] = [
  // 1 → 2: a commitment got its identity. A version saved before had none: it was a mesa's, it is named after its
  // mesa (what the board showed as its heading), and the institution of its first responsible servant leads it
  // (version 1 required one).
  (record, { mesaTitle }) => ({
    title: mesaTitle,
    type: 'mesa',
    leadInstitution: firstInstitution(record),
    ...record,
  }),
];

/** Brings a stored record written at `version` up to {@link COMMITMENT_VERSION}; parse the result with the schema. */
export function migrateCommitment(
  record: Record<string, unknown>,
  version: number,
  context: CommitmentMigrationContext,
): Record<string, unknown> {
  if (!Number.isInteger(version) || version < 1 || version > COMMITMENT_VERSION) {
    throw new RangeError(`Unknown commitment version ${version}; this code knows 1 to ${COMMITMENT_VERSION}.`);
  }
  return commitmentMigrations.slice(version - 1).reduce((migrated, migrate) => migrate(migrated, context), record);
}
