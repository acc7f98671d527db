import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMMITMENT_VERSION,
  commitmentDraftSchema,
  commitmentSchema,
  migrateCommitment,
  type Commitment,
  type CommitmentDraft,
} from './commitment';
import { CRITERIA, CRITERION_IDS, ODS_NAMES, ODS_NUMBERS, PRINCIPLES } from './commitmentCatalogues';
import { COMMITMENT_FIELD_LABELS, commitmentFieldPattern } from './commitmentFieldLabels';
import { COMMITMENT_LIMITS } from './commitmentLimits';
import { latestEndDate } from './commitmentRules';
import { missingFields } from './missingFields';
import { clone, edited } from './fixtures/edited';
import commitmentV1 from './fixtures/commitmentV1.json';
import { seed004Commitment, seed004Draft } from './fixtures/seed004';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const emptyDraft = (): CommitmentDraft => commitmentDraftSchema.parse({});

/** The issues of a failed save, as `{ "path.with.positions": "message" }` (first message per path). */
function saveErrors(value: unknown): Record<string, string> {
  const result = commitmentSchema.safeParse(value);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join('.')] ??= issue.message;
  return errors;
}

/** zod's own English messages, which must never reach a user. */
const ENGLISH = /invalid|expected|unrecognized|too (big|small)|required|must (be|have|contain)/i;

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

describe('catalogues', () => {
  it('has the four principles, the 17 SDGs and the six criteria, in Spanish', () => {
    expect(Object.values(PRINCIPLES)).toEqual([
      'Transparencia',
      'Rendición de cuentas',
      'Participación ciudadana',
      'Innovación',
    ]);
    expect(ODS_NUMBERS).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(ODS_NAMES[5]).toBe('Igualdad de género');
    expect(ODS_NAMES[16]).toBe('Paz, justicia e instituciones sólidas');
    expect(CRITERION_IDS).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(CRITERIA.II.text).toContain('(2 años)');
    expect(CRITERIA.IV.text).toContain('transparencia, rendición de cuentas, participación ciudadana e innovación');
  });
});

describe('commitmentDraftSchema', () => {
  it('fills every missing key with its empty value: "" for texts, null for choices, [] for lists', () => {
    const draft = emptyDraft();
    expect(draft).toMatchObject({
      theme: null,
      mesaId: null,
      problem: '',
      problemNodeId: null,
      linesOfAction: [],
      coResponsible: { organization: '', person: '' },
      startDate: null,
      principles: [],
      ods: [],
    });
    expect(draft.criteria.VI).toEqual({ met: null, note: '' });
  });

  it('accepts the seed-004 draft and the complete seed-004 commitment', () => {
    expect(commitmentDraftSchema.safeParse(seed004Draft).success).toBe(true);
    expect(commitmentDraftSchema.parse(seed004Commitment)).toEqual(seed004Commitment);
  });

  it('has no length bounds: concurrent typing may overflow a field, and the form must still read', () => {
    const long = 'a'.repeat(COMMITMENT_LIMITS.text * 2);
    expect(commitmentDraftSchema.safeParse({ problem: long }).success).toBe(true);
  });

  it('takes a theme by its label too', () => {
    expect(commitmentDraftSchema.parse({ theme: 'Cultura de gobierno abierto' }).theme).toBe(
      'cultura-de-gobierno-abierto',
    );
  });

  it.each([
    [{ extra: 1 }, '', 'Campo no reconocido: extra.'],
    [{ coResponsible: { organization: '', web: '' } }, 'coResponsible', 'Campo no reconocido: web.'],
    [{ linesOfAction: [{ id: 'a', color: 'red' }] }, 'linesOfAction.0', 'Campo no reconocido: color.'],
    [
      { linesOfAction: [{ id: 'a', activities: [{ id: 'b', owner: 'x', due: 'y' }] }] },
      'linesOfAction.0.activities.0',
      'Campos no reconocidos: owner, due.',
    ],
    [{ criteria: { VII: {} } }, 'criteria', 'Campo no reconocido: VII.'],
    [{ criteria: { I: { met: 'sí' } } }, 'criteria.I.met', 'Debe ser sí (true), no (false) o sin respuesta (null).'],
    [{ problem: 42 }, 'problem', 'Debe ser texto.'],
    [{ linesOfAction: {} }, 'linesOfAction', 'Debe ser una lista.'],
    [{ linesOfAction: [{}] }, 'linesOfAction.0.id', 'Es obligatorio.'],
    [{ products: [{ id: 'con espacios' }] }, 'products.0.id', expect.stringContaining('El identificador admite')],
    [{ ods: [0] }, 'ods.0', 'El ODS debe ser un número entero del 1 al 17.'],
    [{ ods: [18] }, 'ods.0', 'El ODS debe ser un número entero del 1 al 17.'],
    [{ principles: ['apertura'] }, 'principles.0', expect.stringContaining('El principio debe ser uno de')],
    [{ theme: 'deportes' }, 'theme', expect.stringContaining('El tema debe ser uno de')],
    [{ startDate: '2021-02-29' }, 'startDate', 'La fecha debe tener el formato AAAA-MM-DD y existir.'],
    [{ endDate: '01/03/2021' }, 'endDate', 'La fecha debe tener el formato AAAA-MM-DD y existir.'],
    [{ mesaId: 'corta' }, 'mesaId', 'La mesa debe ser un identificador de 16 caracteres.'],
  ])('refuses %j in Spanish', (input, path, message) => {
    const result = commitmentDraftSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message).toEqual(message);
  });
});

describe('commitmentSchema (save)', () => {
  it('accepts the seed-004 commitment (three lines of action) and returns it unchanged', () => {
    expect(commitmentSchema.parse(seed004Commitment)).toEqual(seed004Commitment);
    expect(seed004Commitment.linesOfAction.map((line) => line.activities.length)).toEqual([3, 2, 2]);
  });

  it('refuses the seed-004 draft: the seed has no roadmap, dates or self-assessment', () => {
    expect(commitmentSchema.safeParse(seed004Draft).success).toBe(false);
  });

  it('trims texts and fills the optional keys', () => {
    const { problemNodeId: _p, ...rest } = clone(seed004Commitment);
    const input = { ...rest, problem: '  Un problema.  ', indicators: [{ id: 'i', name: ' Indicador ' }] };
    const saved = commitmentSchema.parse(input);
    expect(saved.problem).toBe('Un problema.');
    expect(saved.problemNodeId).toBeNull();
    expect(saved.indicators).toEqual([{ id: 'i', name: 'Indicador', formula: '', goal: '' }]);
  });

  it('requires the texts, with a Spanish message for missing, blank and wrong-typed values', () => {
    expect(saveErrors(edited((c) => (c.problem = ' \n\t ')))).toEqual({ problem: 'Es obligatorio.' });
    const { commitment: _c, ...missing } = clone(seed004Commitment);
    expect(saveErrors(missing)).toEqual({ commitment: 'Es obligatorio.' });
    expect(saveErrors({ ...seed004Commitment, finalResult: ['x'] })).toEqual({ finalResult: 'Debe ser texto.' });
    expect(saveErrors({ ...seed004Commitment, theme: null })).toEqual({ theme: 'Elija el tema.' });
  });

  it('bounds long texts at 5000 characters and names, positions and institutions at 300', () => {
    const { text, shortText } = COMMITMENT_LIMITS;
    expect(saveErrors(edited((c) => (c.commitment = 'a'.repeat(text))))).toEqual({});
    expect(saveErrors(edited((c) => (c.commitment = 'a'.repeat(text + 1))))).toEqual({
      commitment: 'Admite como máximo 5000 caracteres (tiene 5001).',
    });
    expect(saveErrors(edited((c) => (c.responsibles[0]!.position = 'a'.repeat(shortText))))).toEqual({});
    expect(saveErrors(edited((c) => (c.responsibles[0]!.position = 'a'.repeat(shortText + 1))))).toEqual({
      'responsibles.0.position': 'Admite como máximo 300 caracteres (tiene 301).',
    });
  });

  it('requires at least one of each list and allows at most 50', () => {
    const products = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, text: `Producto ${i}` }));
    expect(saveErrors(edited((c) => (c.products = products(50))))).toEqual({});
    expect(saveErrors(edited((c) => (c.products = products(51))))).toEqual({
      products: 'Admite como máximo 50 elementos.',
    });
    expect(
      saveErrors(
        edited((c) => {
          c.linesOfAction[1]!.activities = [];
          c.responsibles = [];
          c.products = [];
          c.indicators = [];
          c.principles = [];
          c.ods = [];
        }),
      ),
    ).toEqual({
      'linesOfAction.1.activities': 'Agregue al menos una actividad a la línea de acción.',
      responsibles: 'Agregue al menos una persona servidora pública responsable.',
      products: 'Agregue al menos un producto.',
      indicators: 'Agregue al menos un indicador.',
      principles: 'Elija al menos un principio de gobierno abierto.',
    });
    expect(saveErrors(edited((c) => (c.linesOfAction = [])))).toEqual({
      linesOfAction: 'Agregue al menos una línea de acción.',
    });
  });

  it('refuses repeated principles, SDGs and ids', () => {
    expect(
      saveErrors(
        edited((c) => {
          c.principles = ['transparencia', 'transparencia'];
          c.ods = [16, 16];
          c.products[1]!.id = c.linesOfAction[0]!.activities[0]!.id;
        }),
      ),
    ).toEqual({
      principles: 'No repita principios.',
      ods: 'No repita objetivos.',
      'products.1.id': 'El identificador la1-a1 está repetido.',
    });
  });

  describe('dates', () => {
    const withDates = (startDate: string, endDate: string) =>
      edited((c) => {
        c.startDate = startDate;
        c.endDate = endDate;
        for (const line of c.linesOfAction) {
          for (const activity of line.activities) Object.assign(activity, { startDate, endDate });
        }
      });

    it('requires the end after the start', () => {
      expect(saveErrors(withDates('2021-03-01', '2021-03-02'))).toEqual({});
      expect(saveErrors(withDates('2021-03-01', '2021-03-01'))).toEqual({
        endDate: 'La fecha de conclusión debe ser posterior a la de inicio.',
      });
      expect(saveErrors(edited((c) => (c.endDate = '2021-01-01')))).toMatchObject({
        endDate: 'La fecha de conclusión debe ser posterior a la de inicio.',
      });
    });

    it('allows two years to the day and not one day more', () => {
      expect(saveErrors(withDates('2021-03-01', '2023-03-01'))).toEqual({});
      expect(saveErrors(withDates('2021-03-01', '2023-03-02'))).toEqual({
        endDate: 'El compromiso debe concluir en un plazo de 2 años: a más tardar el 1 de marzo de 2023.',
      });
    });

    it('ends a commitment that starts on 29 February by 28 February two years later', () => {
      expect(latestEndDate('2020-02-29')).toBe('2022-02-28');
      expect(saveErrors(withDates('2020-02-29', '2022-02-28'))).toEqual({});
      expect(saveErrors(withDates('2020-02-29', '2022-03-01'))).toHaveProperty('endDate');
    });

    it('refuses dates that do not exist or are not YYYY-MM-DD, and requires them', () => {
      expect(saveErrors(edited((c) => (c.startDate = '2021-02-29')))).toEqual({
        startDate: 'La fecha debe tener el formato AAAA-MM-DD y existir.',
      });
      expect(saveErrors({ ...seed004Commitment, endDate: null })).toEqual({ endDate: 'Es obligatorio.' });
    });

    it('keeps each activity within the commitment and never ending before it starts; one day is enough', () => {
      const activity = (c: Commitment) => c.linesOfAction[1]!.activities[1]!;
      expect(activity(seed004Commitment).startDate).toBe(activity(seed004Commitment).endDate);
      expect(saveErrors(edited((c) => (activity(c).endDate = '2021-10-14')))).toEqual({
        'linesOfAction.1.activities.1.endDate': 'La actividad no puede concluir antes de iniciar.',
      });
      expect(saveErrors(edited((c) => (activity(c).startDate = '2021-02-28')))).toEqual({
        'linesOfAction.1.activities.1.startDate':
          'La actividad no puede iniciar antes que el compromiso (1 de marzo de 2021).',
      });
      expect(saveErrors(edited((c) => (activity(c).endDate = '2022-09-01')))).toEqual({
        'linesOfAction.1.activities.1.endDate':
          'La actividad no puede concluir después que el compromiso (31 de agosto de 2022).',
      });
    });
  });

  it('requires an answer for every criterion, and a reason when the answer is no', () => {
    expect(
      saveErrors({ ...seed004Commitment, criteria: { ...seed004Commitment.criteria, V: { met: null, note: '' } } }),
    ).toEqual({ 'criteria.V.met': 'Indique si el compromiso cumple este criterio.' });
    expect(saveErrors(edited((c) => (c.criteria.V = { met: false, note: ' ' })))).toEqual({
      'criteria.V.note': 'Explique por qué no se cumple el criterio.',
    });
    expect(saveErrors(edited((c) => (c.criteria.V = { met: false, note: 'Falta el aval de la Secretaría.' })))).toEqual(
      {},
    );
  });

  it('accepts the empty optional link to the tree and the empty SDG list', () => {
    expect(saveErrors(edited((c) => ((c.problemNodeId = 'a1b2'), (c.ods = []))))).toEqual({});
  });
});

describe('invalid payloads (fast-check)', () => {
  /** Every node of the seed commitment, with its path. */
  function nodes(value: Json, path: Path = []): { path: Path; value: Json }[] {
    const children: { path: Path; value: Json }[] = [];
    if (Array.isArray(value)) value.forEach((item, i) => children.push(...nodes(item, [...path, i])));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) children.push(...nodes(child, [...path, key]));
    }
    return [{ path, value }, ...children];
  }
  const seed = clone(seed004Commitment) as unknown as Json;
  const all = nodes(seed).filter(({ path }) => path.length > 0);
  const typeOf = (value: Json) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  const OPTIONAL = new Set(['problemNodeId', 'meansId', 'formula', 'goal', 'note']);
  const objects = [{ path: [] as Path, value: seed }, ...all.filter(({ value }) => typeOf(value) === 'object')];
  const requiredKeys = all.filter(
    ({ path }) => typeof path.at(-1) === 'string' && !OPTIONAL.has(path.at(-1) as string),
  );
  const requiredStrings = requiredKeys.filter(({ value }) => typeof value === 'string');
  const freeTexts = requiredStrings.filter(
    ({ path }) => !/^(id|theme|mesaId|startDate|endDate)$/.test(String(path.at(-1))),
  );
  const dates = all.filter(({ path }) => path.at(-1) === 'startDate' || path.at(-1) === 'endDate');
  const itemIds = all.filter(({ path }) => path.at(-1) === 'id');
  const lists = all.filter(({ value }) => Array.isArray(value) && typeof value[0] === 'object');

  function set(root: Json, path: Path, value: Json | undefined): Json {
    const copy = clone(root);
    let node = copy as Record<string | number, Json>;
    for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, Json>;
    const last = path.at(-1)!;
    if (value === undefined) delete node[last];
    else node[last] = value;
    return copy;
  }
  const get = (root: Json, path: Path): Json =>
    path.reduce<Json>((node, segment) => (node as Record<string | number, Json>)[segment]!, root);

  const anyJson: fc.Arbitrary<Json> = fc.oneof(
    fc.string({ maxLength: 5 }),
    fc.integer(),
    fc.boolean(),
    fc.constant<Json>([]),
    fc.constant({}),
    fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { minKeys: 1, maxKeys: 2 }),
  );

  const mutations: fc.Arbitrary<{ kind: string; payload: Json }>[] = [
    fc
      .record({
        target: fc.constantFrom(...objects),
        key: fc.string({ minLength: 1, maxLength: 8 }),
      })
      .filter(({ target, key }) => key !== '__proto__' && !(key in (target.value as object)))
      .map(({ target, key }) => ({ kind: 'unknown key', payload: set(seed, [...target.path, key], 1) })),
    fc
      .constantFrom(...requiredKeys)
      .map(({ path }) => ({ kind: 'missing required key', payload: set(seed, path, undefined) })),
    fc
      .record({ target: fc.constantFrom(...all), value: anyJson })
      .filter(({ target, value }) => typeOf(value) !== typeOf(target.value))
      // A link that may be null may also be a (valid) id string.
      .filter(({ target, value }) => !(target.value === null && typeof value === 'string'))
      .map(({ target, value }) => ({ kind: 'wrong type', payload: set(seed, target.path, value) })),
    fc
      .record({ target: fc.constantFrom(...requiredStrings), blank: fc.stringMatching(/^[ \t\n\r]{0,6}$/) })
      .map(({ target, blank }) => ({ kind: 'blank required text', payload: set(seed, target.path, blank) })),
    fc
      .record({ target: fc.constantFrom(...freeTexts), extra: fc.integer({ min: 1, max: 100 }) })
      .map(({ target, extra }) => ({
        kind: 'text too long',
        payload: set(seed, target.path, 'x'.repeat(COMMITMENT_LIMITS.text + extra)),
      })),
    fc
      .record({
        target: fc.constantFrom(...dates),
        value: fc.oneof(
          fc.constantFrom('2021-02-29', '2021-04-31', '2021-13-01', '2021-00-10', '21-03-01', '2021-3-1', ''),
          fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
        ),
      })
      .map(({ target, value }) => ({ kind: 'not a date', payload: set(seed, target.path, value) })),
    fc.oneof(fc.integer({ min: -800, max: 0 }), fc.integer({ min: 1, max: 800 })).map((offset) => {
      const start = seed004Commitment.startDate;
      const end = offset <= 0 ? addDays(start, offset) : addDays(latestEndDate(start), offset);
      return { kind: 'commitment dates out of range', payload: set(seed, ['endDate'], end) };
    }),
    fc
      .record({
        target: fc.constantFrom(...dates.filter(({ path }) => path.length > 1)),
        days: fc.integer({ min: 1, max: 400 }),
      })
      .map(({ target, days }) => {
        const before = target.path.at(-1) === 'startDate';
        const date = before ? addDays(seed004Commitment.startDate, -days) : addDays(seed004Commitment.endDate, days);
        return { kind: 'activity outside the commitment', payload: set(seed, target.path, date) };
      }),
    fc
      .record({ target: fc.constantFrom(...lists), extra: fc.integer({ min: 1, max: 10 }) })
      .map(({ target, extra }) => {
        const items = target.value as { id: string }[];
        const count = COMMITMENT_LIMITS.items + extra;
        const padded = Array.from({ length: count }, (_, i) => ({ ...items[i % items.length]!, id: `n${i}` }));
        return { kind: 'too many items', payload: set(seed, target.path, padded) };
      }),
    fc
      .record({ a: fc.constantFrom(...itemIds), b: fc.constantFrom(...itemIds) })
      .filter(({ a, b }) => a.value !== b.value)
      .map(({ a, b }) => ({ kind: 'repeated id', payload: set(seed, b.path, a.value) })),
    fc
      .constantFrom<Path>(
        ['linesOfAction'],
        ['linesOfAction', 0, 'activities'],
        ['responsibles'],
        ['products'],
        ['indicators'],
        ['principles'],
      )
      .map((path: Path) => ({ kind: 'empty required list', payload: set(seed, path, []) })),
    fc.record({ id: fc.constantFrom(...CRITERION_IDS), met: fc.constantFrom(null, false) }).map(({ id, met }) => ({
      kind: 'criterion unanswered',
      payload: set(seed, ['criteria', id], { met, note: '' }),
    })),
  ];

  it('the save schema rejects every one, in Spanish, and missingFields labels each problem', () => {
    fc.assert(
      fc.property(fc.oneof(...mutations), ({ payload }) => {
        const result = commitmentSchema.safeParse(payload);
        expect(result.success).toBe(false);
        for (const issue of result.error!.issues) expect(issue.message).not.toMatch(ENGLISH);
        const problems = missingFields(payload as unknown as CommitmentDraft);
        expect(problems.length).toBeGreaterThan(0);
        for (const problem of problems) {
          const pattern = commitmentFieldPattern(problem.path);
          expect(pattern === '' || pattern in COMMITMENT_FIELD_LABELS, problem.path).toBe(true);
          expect(problem.label).not.toContain('undefined');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the generators themselves start from a valid commitment', () => {
    expect(commitmentSchema.safeParse(seed).success).toBe(true);
    expect(get(seed, ['linesOfAction', 2, 'activities', 1, 'verification'])).toBe('Contenido generado.');
  });
});

describe('the route to fulfilment', () => {
  const withRoute = (route: unknown[]) => ({ ...clone(seed004Commitment), route });

  it('is optional, and a step’s months are both chosen or neither, the second not before the first', () => {
    expect(saveErrors(withRoute([]))).toEqual({});
    expect(
      saveErrors(withRoute([{ id: 'p1', text: 'Propuesta ante la Comisión', startMonth: null, endMonth: null }])),
    ).toEqual({});
    expect(saveErrors(withRoute([{ id: 'p1', text: 'Paso', startMonth: '2020-09', endMonth: null }]))).toEqual({
      'route.0.endMonth': 'Indique los dos meses del paso, o ninguno.',
    });
    expect(saveErrors(withRoute([{ id: 'p1', text: 'Paso', startMonth: '2020-10', endMonth: '2020-09' }]))).toEqual({
      'route.0.endMonth': 'El paso no puede concluir antes de iniciar.',
    });
    expect(saveErrors(withRoute([{ id: 'p1', text: ' ', startMonth: '2020-13', endMonth: null }]))).toMatchObject({
      'route.0.text': 'Es obligatorio.',
      'route.0.startMonth': 'El mes debe tener el formato AAAA-MM.',
    });
  });
});

describe('migrateCommitment', () => {
  const context = { mesaTitle: 'Mesa de cultura de gobierno abierto' };

  it('passes a current record through and refuses versions it does not know', () => {
    const record = clone(seed004Commitment) as unknown as Record<string, unknown>;
    expect(migrateCommitment(record, COMMITMENT_VERSION, context)).toEqual(record);
    expect(() => migrateCommitment(record, 0, context)).toThrow(RangeError);
    expect(() => migrateCommitment(record, COMMITMENT_VERSION + 1, context)).toThrow(RangeError);
  });

  it('reads a version 1 record, as the code before identities saved it, titled after its mesa and led by the institution of its first servant', () => {
    const stored = clone(commitmentV1) as Record<string, unknown>;
    expect(stored).not.toHaveProperty('title');
    const migrated = commitmentSchema.parse(migrateCommitment(stored, 1, context));
    expect(migrated).toMatchObject({ title: context.mesaTitle, type: 'mesa', leadInstitution: 'Infoem' });
    // It has no route, and nothing else changes.
    const { title: _t, type: _y, leadInstitution: _l, route, ...rest } = migrated;
    expect(route).toEqual([]);
    expect(rest).toEqual(commitmentV1);
  });

  it('never overwrites what a record already says', () => {
    const record = { ...clone(commitmentV1), title: 'Ya titulado' } as Record<string, unknown>;
    expect(migrateCommitment(record, 1, context).title).toBe('Ya titulado');
  });
});
