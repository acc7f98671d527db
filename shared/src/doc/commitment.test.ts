import fc from 'fast-check';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { commitmentDraftSchema, commitmentSchema, type Commitment, type CommitmentDraft } from '../schema/commitment';
import { CRITERION_IDS } from '../schema/commitmentCatalogues';
import { missingFields } from '../schema/missingFields';
import { seed004Commitment } from '../schema/fixtures/seed004';
import {
  CommitmentEditError,
  addActivity,
  addIndicator,
  addLineOfAction,
  addProduct,
  addResponsible,
  addRouteStep,
  commitmentText,
  createCommitmentUndoManager,
  fillLinesFromMeans,
  isCommitmentTextPath,
  moveItem,
  observeCommitment,
  readCommitmentDraft,
  removeItem,
  setActivityDates,
  setCommitmentField,
  setCommitmentText,
  setCriterionAssessment,
  setPrinciples,
  setRouteStepMonths,
  toggleOds,
  type CommitmentTextPath,
} from './commitment';
import { localOrigin } from './origins';
import { replaceChangedSpan } from './text';
import { TestConnector, type Replica } from './testConnector';

/** The initial structure's updates, as built by this version. Changing one would corrupt every existing mesa. */
const PINNED_INITIAL_UPDATE =
  'ARzw2r2bBgAnAQpjb21taXRtZW50B3Byb2JsZW0CJwEKY29tbWl0bWVudBFsb25nVGVybU9iamVjdGl2ZQInAQpjb21taXRtZW50CmNvbW1pdG1lbnQCJwEKY29tbWl0bWVudAtmaW5hbFJlc3VsdAInAQpjb21taXRtZW50EWdlbmRlclBlcnNwZWN0aXZlAicBCmNvbW1pdG1lbnQPc3RhdGVQcmlvcml0aWVzAicBCmNvbW1pdG1lbnQNY29SZXNwb25zaWJsZQEnAPDavZsGBgxvcmdhbml6YXRpb24CJwDw2r2bBgYGcGVyc29uAicBCmNvbW1pdG1lbnQNbGluZXNPZkFjdGlvbgAnAQpjb21taXRtZW50DHJlc3BvbnNpYmxlcwAnAQpjb21taXRtZW50CHByb2R1Y3RzACcBCmNvbW1pdG1lbnQKaW5kaWNhdG9ycwAnAQpjb21taXRtZW50CnByaW5jaXBsZXMBJwEKY29tbWl0bWVudANvZHMBJwEKY29tbWl0bWVudAhjcml0ZXJpYQEnAPDavZsGDwFJAScA8Nq9mwYQBG5vdGUCJwDw2r2bBg8CSUkBJwDw2r2bBhIEbm90ZQInAPDavZsGDwNJSUkBJwDw2r2bBhQEbm90ZQInAPDavZsGDwJJVgEnAPDavZsGFgRub3RlAicA8Nq9mwYPAVYBJwDw2r2bBhgEbm90ZQInAPDavZsGDwJWSQEnAPDavZsGGgRub3RlAgA=';

const PINNED_SECOND_UPDATE =
  'AQOy2r2bBgAnAQpjb21taXRtZW50BXRpdGxlAicBCmNvbW1pdG1lbnQPbGVhZEluc3RpdHV0aW9uAicBCmNvbW1pdG1lbnQFcm91dGUAAA==';

/** Delivers everything waiting, in a seeded order. */
function sync(connector: TestConnector, seed = 1): void {
  let state = seed;
  connector.flushAll(() => (state = (state * 1103515245 + 12345) % 2 ** 31));
}

function offline(connector: TestConnector): [Replica, Replica] {
  const [a, b] = connector.replicas as [Replica, Replica];
  connector.disconnect(a);
  connector.disconnect(b);
  return [a, b];
}

const lineTitles = (doc: Y.Doc) => readCommitmentDraft(doc).linesOfAction.map((line) => line.title);

/** Writes a whole commitment through the accessors, as a group typing it would (ids are the document's own). */
function typeCommitment(doc: Y.Doc, c: Commitment): void {
  setCommitmentText(doc, 'title', c.title);
  setCommitmentField(doc, 'type', c.type);
  setCommitmentText(doc, 'leadInstitution', c.leadInstitution);
  setCommitmentField(doc, 'theme', c.theme);
  setCommitmentField(doc, 'mesaId', c.mesaId);
  setCommitmentField(doc, 'startDate', c.startDate);
  setCommitmentField(doc, 'endDate', c.endDate);
  for (const key of ['problem', 'longTermObjective', 'commitment', 'finalResult'] as const) {
    setCommitmentText(doc, key, c[key]);
  }
  setCommitmentText(doc, 'genderPerspective', c.genderPerspective);
  setCommitmentText(doc, 'statePriorities', c.statePriorities);
  setCommitmentText(doc, 'coResponsible.organization', c.coResponsible.organization);
  setCommitmentText(doc, 'coResponsible.person', c.coResponsible.person);
  for (const line of c.linesOfAction) {
    const lineId = addLineOfAction(doc, line.title);
    for (const activity of line.activities) {
      const id = addActivity(doc, lineId, activity.title);
      setCommitmentText(doc, `linesOfAction.${lineId}.activities.${id}.objective`, activity.objective);
      setCommitmentText(doc, `linesOfAction.${lineId}.activities.${id}.verification`, activity.verification);
      setActivityDates(doc, id, { startDate: activity.startDate, endDate: activity.endDate });
    }
  }
  for (const servant of c.responsibles) {
    const id = addResponsible(doc);
    setCommitmentText(doc, `responsibles.${id}.name`, servant.name);
    setCommitmentText(doc, `responsibles.${id}.position`, servant.position);
    setCommitmentText(doc, `responsibles.${id}.institution`, servant.institution);
  }
  for (const product of c.products) addProduct(doc, product.text);
  for (const indicator of c.indicators) {
    const id = addIndicator(doc, indicator.name);
    setCommitmentText(doc, `indicators.${id}.formula`, indicator.formula);
    setCommitmentText(doc, `indicators.${id}.goal`, indicator.goal);
  }
  setPrinciples(doc, c.principles);
  for (const ods of c.ods) toggleOds(doc, ods);
  for (const id of CRITERION_IDS) {
    setCriterionAssessment(doc, id, c.criteria[id].met);
    setCommitmentText(doc, `criteria.${id}.note`, c.criteria[id].note);
  }
}

/** A commitment without its item ids, to compare content written under different ids. */
function withoutIds(c: CommitmentDraft): unknown {
  return JSON.parse(JSON.stringify(c, (key, value: unknown) => (key === 'id' ? undefined : value)));
}

describe('reading', () => {
  it('reads an untouched document as the empty draft, and reading writes nothing', () => {
    const doc = new Y.Doc();
    expect(readCommitmentDraft(doc)).toEqual(commitmentDraftSchema.parse({}));
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
  });

  it('round-trips the seed-004 commitment through two replicas, and it can be saved', () => {
    const connector = new TestConnector(2);
    const [a, b] = connector.replicas as [Replica, Replica];
    typeCommitment(a.doc, seed004Commitment);
    sync(connector);
    const draft = readCommitmentDraft(b.doc);
    expect(commitmentDraftSchema.parse(draft)).toEqual(draft);
    expect(missingFields(draft)).toEqual([]);
    expect(withoutIds(commitmentSchema.parse(draft))).toEqual(withoutIds(seed004Commitment));
    expect(readCommitmentDraft(a.doc)).toEqual(draft);
  });

  it('reads whatever a foreign writer put in the document as a valid draft', () => {
    const junk: fc.Arbitrary<unknown> = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom('2021-02-29', '2021-05-01', 'medio-ambiente', 'Medio ambiente', 'abcdefghijklmnop', 'a b'),
      fc.constant(undefined).map(() => new Y.Text('texto')),
      fc.constant(undefined).map(() => new Y.Array()),
      fc.constant(undefined).map(() => new Y.Map()),
      fc.constant(undefined).map(() => {
        const item = new Y.Map<unknown>();
        item.set('id', 'dup');
        item.set('order', 'V');
        item.set('title', 7);
        return item;
      }),
    );
    const keys = fc.constantFrom(
      'theme',
      'mesaId',
      'problem',
      'problemNodeId',
      'startDate',
      'endDate',
      'linesOfAction',
      'products',
      'principles',
      'ods',
      'criteria',
      'coResponsible',
      'other',
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: keys, value: junk, into: fc.constantFrom('root', 'list', 'item', 'criterion') }), {
          maxLength: 15,
        }),
        (writes) => {
          const doc = new Y.Doc();
          const lineId = addLineOfAction(doc, 'Línea');
          addActivity(doc, lineId, 'Actividad');
          const root = doc.getMap<unknown>('commitment');
          for (const { key, value, into } of writes) {
            doc.transact(() => {
              const lines = root.get('linesOfAction');
              const line = lines instanceof Y.Array ? lines.get(0) : undefined;
              const criteria = root.get('criteria');
              if (into === 'list' && lines instanceof Y.Array) lines.push([value]);
              else if (into === 'item' && line instanceof Y.Map) line.set(key === 'other' ? 'order' : key, value);
              else if (into === 'criterion' && criteria instanceof Y.Map) criteria.set('II', value);
              else root.set(key, value);
            });
          }
          const draft = readCommitmentDraft(doc);
          expect(commitmentDraftSchema.parse(draft)).toEqual(draft);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the fixed structure', () => {
  it('is two pinned updates, each under its own client id, applied on the first write', () => {
    const doc = new Y.Doc();
    doc.clientID = 1;
    commitmentText(doc, 'problem');
    const pinned = new Y.Doc();
    Y.applyUpdate(pinned, fromBase64(PINNED_INITIAL_UPDATE));
    Y.applyUpdate(pinned, fromBase64(PINNED_SECOND_UPDATE));
    expect(toBase64(Y.encodeStateAsUpdate(doc))).toBe(toBase64(Y.encodeStateAsUpdate(pinned)));
    expect([...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()].sort()).toEqual([0x636f6d32, 0x636f6d70]);
  });

  it('gives a mesa drafted before the identity fields a title and a lead institution on the first write', () => {
    const old = new Y.Doc();
    Y.applyUpdate(old, fromBase64(PINNED_INITIAL_UPDATE));
    setCommitmentText(old, 'problem', 'Escrito antes.');
    expect(readCommitmentDraft(old)).toMatchObject({ title: '', type: null, leadInstitution: '' });
    setCommitmentText(old, 'title', 'Cultura de Gobierno Abierto');
    expect(readCommitmentDraft(old)).toMatchObject({ title: 'Cultura de Gobierno Abierto', problem: 'Escrito antes.' });
  });

  it('lets two people type in one field of a fresh mesa at once: both keep their letters', () => {
    const connector = new TestConnector(2);
    const [a, b] = offline(connector);
    setCommitmentText(a.doc, 'problem', 'Falta de datos abiertos.');
    setCommitmentText(b.doc, 'problem', 'Rutas mal diseñadas.');
    setCommitmentText(a.doc, 'criteria.II.note', 'Hay presupuesto.');
    setCommitmentText(b.doc, 'coResponsible.person', 'Persona');
    addLineOfAction(a.doc, 'Línea de A');
    addLineOfAction(b.doc, 'Línea de B');
    sync(connector);
    const draft = readCommitmentDraft(a.doc);
    expect(readCommitmentDraft(b.doc)).toEqual(draft);
    expect(draft.problem).toContain('Falta de datos abiertos.');
    expect(draft.problem).toContain('Rutas mal diseñadas.');
    expect(draft.criteria.II.note).toBe('Hay presupuesto.');
    expect(draft.coResponsible.person).toBe('Persona');
    expect(draft.linesOfAction.map((line) => line.title).sort()).toEqual(['Línea de A', 'Línea de B']);
  });

  it('is never undone', () => {
    const doc = new Y.Doc();
    const undo = createCommitmentUndoManager(doc);
    setCommitmentText(doc, 'problem', 'Algo');
    undo.undo();
    expect(undo.undoStack).toHaveLength(0);
    setCommitmentText(doc, 'commitment', 'Otra cosa');
    expect(readCommitmentDraft(doc).commitment).toBe('Otra cosa');
  });
});

describe('texts', () => {
  it('keeps every letter of two people typing into the same field, letter by letter, in any delivery order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ who: fc.constantFrom(0, 1), pick: fc.nat(), deliver: fc.boolean() }), { maxLength: 24 }),
        fc.nat(),
        (steps, seed) => {
          const connector = new TestConnector(2);
          const words = ['abcdefghijkl', 'MNOPQRSTUVWX'];
          const typed = [0, 0];
          const lineId = addLineOfAction(connector.replicas[0]!.doc);
          sync(connector);
          const path: CommitmentTextPath = `linesOfAction.${lineId}.title`;
          for (const { who, pick, deliver } of steps) {
            if (deliver) connector.deliver(pick);
            const doc = connector.replicas[who]!.doc;
            const next = words[who]!.charAt(typed[who]!);
            if (next === '') continue;
            typed[who]!++;
            // Each types at the end of what they see, as someone typing on does.
            setCommitmentText(doc, path, commitmentText(doc, path).toString() + next);
          }
          sync(connector, seed);
          const [a, b] = connector.replicas.map((r) => commitmentText(r.doc, path).toString());
          expect(a).toBe(b);
          expect([...a!].filter((c) => c >= 'a').join('')).toBe(words[0]!.slice(0, typed[0]));
          expect([...a!].filter((c) => c < 'a').join('')).toBe(words[1]!.slice(0, typed[1]));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rewrites only the span that changed, so a concurrent edit elsewhere in the field survives', () => {
    const connector = new TestConnector(2);
    const [a, b] = connector.replicas as [Replica, Replica];
    setCommitmentText(a.doc, 'commitment', 'Publicar datos de rutas.');
    sync(connector);
    connector.disconnect(a);
    setCommitmentText(a.doc, 'commitment', 'Publicar datos abiertos de rutas.');
    setCommitmentText(b.doc, 'commitment', 'Publicar datos de rutas y horarios.');
    sync(connector);
    expect(readCommitmentDraft(a.doc).commitment).toBe('Publicar datos abiertos de rutas y horarios.');
  });

  it('stores a lone surrogate as U+FFFD, so that every replica shows the same text', () => {
    const connector = new TestConnector(2);
    const [a, b] = connector.replicas as [Replica, Replica];
    const lineId = addLineOfAction(a.doc, '\ud83d');
    // An insertion between the halves of an emoji, as a careless editor could make.
    setCommitmentText(a.doc, 'problem', '😀'.slice(0, 1) + 'a' + '😀'.slice(1));
    sync(connector);
    expect(readCommitmentDraft(a.doc).problem).toBe('\ufffda\ufffd');
    expect(readCommitmentDraft(b.doc)).toEqual(readCommitmentDraft(a.doc));
    expect(readCommitmentDraft(b.doc).linesOfAction.find((line) => line.id === lineId)?.title).toBe('\ufffd');
  });

  it('addresses item fields by id and refuses paths that are not text fields', () => {
    const doc = new Y.Doc();
    const lineId = addLineOfAction(doc);
    const activityId = addActivity(doc, lineId);
    const path = `linesOfAction.${lineId}.activities.${activityId}.verification` as const;
    expect(isCommitmentTextPath(path)).toBe(true);
    setCommitmentText(doc, path, 'Relatoría del evento.');
    expect(commitmentText(doc, path).toString()).toBe('Relatoría del evento.');
    for (const bad of ['theme', `linesOfAction.${lineId}.id`, 'criteria.VII.note', 'linesOfAction..title', 'x']) {
      expect(isCommitmentTextPath(bad)).toBe(false);
    }
    expect(() => commitmentText(doc, 'criteria.VII.note' as CommitmentTextPath)).toThrow(CommitmentEditError);
    expect(() => commitmentText(doc, 'linesOfAction.gone.title')).toThrow(
      expect.objectContaining({ code: 'unknown-item' }),
    );
  });

  it('leads from each missing field to its text and fills it', () => {
    const doc = new Y.Doc();
    addActivity(doc, addLineOfAction(doc, 'Línea'), 'Actividad');
    const textual = missingFields(readCommitmentDraft(doc)).filter((problem) => isCommitmentTextPath(problem.path));
    expect(textual.map((p) => p.label)).toContain('Línea de acción 1 › Actividad 1 › Medio de verificación');
    for (const { path } of textual) setCommitmentText(doc, path as CommitmentTextPath, 'Texto.');
    expect(missingFields(readCommitmentDraft(doc)).filter((p) => isCommitmentTextPath(p.path))).toEqual([]);
  });
});

describe('lists', () => {
  it('keeps every item two people add at once, in the same order on both', () => {
    const connector = new TestConnector(2);
    const [a, b] = offline(connector);
    addLineOfAction(a.doc, 'A1');
    addLineOfAction(a.doc, 'A2');
    addLineOfAction(b.doc, 'B1');
    addProduct(a.doc, 'Producto A');
    addProduct(b.doc, 'Producto B');
    sync(connector);
    expect(lineTitles(a.doc)).toEqual(lineTitles(b.doc));
    expect([...lineTitles(a.doc)].sort()).toEqual(['A1', 'A2', 'B1']);
    // A's own two lines stay in the order A added them.
    expect(lineTitles(a.doc).indexOf('A1')).toBeLessThan(lineTitles(a.doc).indexOf('A2'));
    expect(readCommitmentDraft(b.doc).products).toHaveLength(2);
  });

  it('moves an item by its key only: text typed into it meanwhile survives the move', () => {
    const connector = new TestConnector(2);
    const [a, b] = connector.replicas as [Replica, Replica];
    const ids = ['uno', 'dos', 'tres'].map((title) => addLineOfAction(a.doc, title));
    sync(connector);
    offline(connector);
    moveItem(a.doc, ids[2]!, 0);
    setCommitmentText(b.doc, `linesOfAction.${ids[2]!}.title`, 'tres, ampliada');
    sync(connector);
    expect(lineTitles(a.doc)).toEqual(['tres, ampliada', 'uno', 'dos']);
    expect(lineTitles(b.doc)).toEqual(lineTitles(a.doc));
  });

  it('merges concurrent moves of different items, and of one item resolves to one place', () => {
    const connector = new TestConnector(2);
    const [a, b] = connector.replicas as [Replica, Replica];
    const ids = ['a', 'b', 'c', 'd'].map((title) => addLineOfAction(a.doc, title));
    sync(connector);
    offline(connector);
    moveItem(a.doc, ids[0]!, 3);
    moveItem(b.doc, ids[3]!, 0);
    sync(connector);
    expect(lineTitles(a.doc)).toEqual(['d', 'b', 'c', 'a']);
    expect(lineTitles(b.doc)).toEqual(lineTitles(a.doc));

    offline(connector);
    moveItem(a.doc, ids[1]!, 0);
    moveItem(b.doc, ids[1]!, 3);
    sync(connector);
    expect(lineTitles(a.doc)).toEqual(lineTitles(b.doc));
    expect([...lineTitles(a.doc)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('places an item between two that were added at the same place at once', () => {
    const connector = new TestConnector(2);
    const [a, b] = offline(connector);
    addLineOfAction(a.doc, 'de A');
    addLineOfAction(b.doc, 'de B');
    sync(connector);
    const last = addLineOfAction(a.doc, 'tercera');
    moveItem(a.doc, last, 1);
    expect(lineTitles(a.doc)).toHaveLength(3);
    expect(lineTitles(a.doc)[1]).toBe('tercera');
    sync(connector);
    expect(lineTitles(b.doc)).toEqual(lineTitles(a.doc));
  });

  it('moves within a list like an array does (model test)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ from: fc.nat(), to: fc.integer({ min: -2, max: 12 }) }), { maxLength: 40 }),
        (moves) => {
          const doc = new Y.Doc();
          const lineId = addLineOfAction(doc);
          const model = Array.from({ length: 6 }, (_, i) => addActivity(doc, lineId, `actividad ${i}`));
          for (const { from, to } of moves) {
            const id = model[from % model.length]!;
            moveItem(doc, id, to);
            model.splice(model.indexOf(id), 1);
            model.splice(Math.min(Math.max(to, 0), model.length), 0, id);
          }
          expect(readCommitmentDraft(doc).linesOfAction[0]!.activities.map((activity) => activity.id)).toEqual(model);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('removes an item everywhere; the removal wins over a concurrent edit', () => {
    const connector = new TestConnector(2);
    const [a, b] = connector.replicas as [Replica, Replica];
    const lineId = addLineOfAction(a.doc, 'Línea');
    const keep = addActivity(a.doc, lineId, 'queda');
    const gone = addActivity(a.doc, lineId, 'se va');
    sync(connector);
    offline(connector);
    removeItem(a.doc, gone);
    setCommitmentText(b.doc, `linesOfAction.${lineId}.activities.${gone}.objective`, 'editada');
    sync(connector);
    for (const { doc } of [a, b]) {
      expect(readCommitmentDraft(doc).linesOfAction[0]!.activities.map((activity) => activity.id)).toEqual([keep]);
    }
    removeItem(a.doc, lineId);
    expect(readCommitmentDraft(a.doc).linesOfAction).toEqual([]);
    expect(() => removeItem(a.doc, lineId)).toThrow(expect.objectContaining({ code: 'unknown-item' }));
    expect(() => addActivity(a.doc, lineId)).toThrow(CommitmentEditError);
  });

  it('refuses the 51st item', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 50; i++) addIndicator(doc, `Indicador ${i}`);
    expect(() => addIndicator(doc)).toThrow(expect.objectContaining({ code: 'list-full' }));
    expect(readCommitmentDraft(doc).indicators).toHaveLength(50);
  });
});

describe('fillLinesFromMeans', () => {
  const means = [
    { id: '7c1e5b1a-0f0e-4c1b-9d67-3b1f2f7c9a10', text: 'Datos abiertos de transporte publicados.' },
    { id: '9a2d4c3b-1e1f-4d2c-8e78-4c2a3a8d0b21', text: 'Rutas diseñadas con participación ciudadana.' },
  ];

  it('adds one line per means after the existing lines, and adds nothing the second time', () => {
    const doc = new Y.Doc();
    addLineOfAction(doc, 'Ya estaba');
    const ids = fillLinesFromMeans(doc, means);
    expect(ids).toHaveLength(2);
    const lines = readCommitmentDraft(doc).linesOfAction;
    expect(lines.map((line) => [line.title, line.meansId])).toEqual([
      ['Ya estaba', null],
      [means[0]!.text, means[0]!.id],
      [means[1]!.text, means[1]!.id],
    ]);
    expect(lines.slice(1).map((line) => line.id)).toEqual(ids);
    expect(fillLinesFromMeans(doc, [...means, means[0]!])).toEqual([]);
  });

  it('refuses ids that cannot stand in a field path, and more lines than the limit, writing nothing', () => {
    const doc = new Y.Doc();
    expect(() => fillLinesFromMeans(doc, [{ id: 'a.b', text: 'x' }])).toThrow(CommitmentEditError);
    const many = Array.from({ length: 51 }, (_, i) => ({ id: `m${i}`, text: `Medio ${i}` }));
    expect(() => fillLinesFromMeans(doc, many)).toThrow(expect.objectContaining({ code: 'list-full' }));
    expect(readCommitmentDraft(doc).linesOfAction).toEqual([]);
  });
});

describe('chosen values', () => {
  it('sets, normalizes and clears the theme, the dates and the links; refuses invalid values', () => {
    const doc = new Y.Doc();
    setCommitmentField(doc, 'theme', 'Medio ambiente' as 'medio-ambiente');
    setCommitmentField(doc, 'startDate', '2021-03-01');
    setCommitmentField(doc, 'problemNodeId', 'root');
    expect(readCommitmentDraft(doc)).toMatchObject({
      theme: 'medio-ambiente',
      startDate: '2021-03-01',
      problemNodeId: 'root',
    });
    setCommitmentField(doc, 'startDate', null);
    expect(readCommitmentDraft(doc).startDate).toBeNull();
    expect(() => setCommitmentField(doc, 'endDate', '2021-02-30')).toThrow(
      expect.objectContaining({ code: 'invalid-value' }),
    );
    expect(() => setCommitmentField(doc, 'mesaId', 'corto')).toThrow(CommitmentEditError);
  });

  it('sets and clears activity dates, only on activities', () => {
    const doc = new Y.Doc();
    const lineId = addLineOfAction(doc);
    const id = addActivity(doc, lineId);
    setActivityDates(doc, id, { startDate: '2021-05-01', endDate: '2021-05-31' });
    setActivityDates(doc, id, { endDate: null });
    expect(readCommitmentDraft(doc).linesOfAction[0]!.activities[0]).toMatchObject({
      startDate: '2021-05-01',
      endDate: null,
    });
    expect(() => setActivityDates(doc, lineId, { startDate: '2021-05-01' })).toThrow(CommitmentEditError);
    expect(() => setActivityDates(doc, id, { startDate: '1/5/2021' })).toThrow(CommitmentEditError);
  });

  it('merges two people ticking different principles and SDGs at once', () => {
    const connector = new TestConnector(2);
    const [a, b] = connector.replicas as [Replica, Replica];
    setPrinciples(a.doc, ['transparencia']);
    sync(connector);
    offline(connector);
    setPrinciples(a.doc, ['transparencia', 'innovacion']);
    setPrinciples(b.doc, ['transparencia', 'participacion-ciudadana']);
    toggleOds(a.doc, 16);
    toggleOds(b.doc, 5);
    toggleOds(b.doc, 11);
    toggleOds(b.doc, 11);
    sync(connector);
    for (const { doc } of [a, b]) {
      expect(readCommitmentDraft(doc)).toMatchObject({
        principles: ['transparencia', 'participacion-ciudadana', 'innovacion'],
        ods: [5, 16],
      });
    }
    setPrinciples(a.doc, []);
    expect(readCommitmentDraft(a.doc).principles).toEqual([]);
  });

  it("records the group's answer to each criterion", () => {
    const doc = new Y.Doc();
    setCriterionAssessment(doc, 'III', false);
    setCommitmentText(doc, 'criteria.III.note', 'Falta un indicador de impacto.');
    setCriterionAssessment(doc, 'I', true);
    setCriterionAssessment(doc, 'I', null);
    expect(readCommitmentDraft(doc).criteria).toMatchObject({
      I: { met: null, note: '' },
      III: { met: false, note: 'Falta un indicador de impacto.' },
    });
  });
});

describe('origins, undo and observation', () => {
  it('writes every edit with the local origin', () => {
    const doc = new Y.Doc();
    const origins = new Set<unknown>();
    const lineId = addLineOfAction(doc);
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.add(transaction.origin));
    const activityId = addActivity(doc, lineId, 'x');
    setCommitmentText(doc, 'problem', 'p');
    setCommitmentField(doc, 'theme', 'movilidad');
    setActivityDates(doc, activityId, { startDate: '2021-01-01' });
    setPrinciples(doc, ['innovacion']);
    toggleOds(doc, 3);
    setCriterionAssessment(doc, 'V', true);
    fillLinesFromMeans(doc, [{ id: 'm1', text: 'medio' }]);
    moveItem(doc, lineId, 1);
    removeItem(doc, activityId);
    expect([...origins]).toEqual([localOrigin]);
  });

  it("undoes this user's edits and never another's", () => {
    const connector = new TestConnector(2);
    const [a, b] = connector.replicas as [Replica, Replica];
    const undo = createCommitmentUndoManager(a.doc);
    addLineOfAction(a.doc, 'de A');
    undo.stopCapturing();
    addLineOfAction(b.doc, 'de B');
    sync(connector);
    undo.undo();
    sync(connector);
    expect(lineTitles(a.doc)).toEqual(['de B']);
    expect(lineTitles(b.doc)).toEqual(['de B']);
  });

  it('undoes one person’s typing step by step across fields, however fast it came, and redoes it; never another’s', () => {
    const connector = new TestConnector(2);
    const [ana, beto] = connector.replicas as [Replica, Replica];
    const undo = createCommitmentUndoManager(ana.doc);
    const type = (who: Replica, path: CommitmentTextPath, added: string) => {
      const text = commitmentText(who.doc, path);
      replaceChangedSpan(text, text.toString() + added);
      sync(connector);
    };
    const read = (path: CommitmentTextPath) => [ana, beto].map((r) => commitmentText(r.doc, path).toString());
    // No pause anywhere: Yjs alone would merge Ana's two edits into one step.
    type(ana, 'problem', 'ANA1 ');
    type(beto, 'problem', 'BETO1 ');
    type(ana, 'problem', 'ANA2 ');
    // Moving to another field ends a step too: the page calls this when the focus moves (CommitmentWorkspace).
    undo.stopCapturing();
    type(ana, 'commitment', 'ANA3 ');
    undo.undo();
    sync(connector);
    expect(read('commitment')).toEqual(['', '']);
    expect(read('problem')).toEqual(['ANA1 BETO1 ANA2 ', 'ANA1 BETO1 ANA2 ']);
    undo.undo();
    sync(connector);
    expect(read('problem')).toEqual(['ANA1 BETO1 ', 'ANA1 BETO1 ']);
    undo.undo();
    sync(connector);
    expect(read('problem')).toEqual(['BETO1 ', 'BETO1 ']);
    expect(undo.canUndo()).toBe(false);
    undo.redo();
    undo.redo();
    sync(connector);
    expect(read('problem')).toEqual(['ANA1 BETO1 ANA2 ', 'ANA1 BETO1 ANA2 ']);
    undo.redo();
    sync(connector);
    expect(read('commitment')).toEqual(['ANA3 ', 'ANA3 ']);
    undo.destroy();
  });

  it('notifies once per transaction, local or remote, until unsubscribed', () => {
    const connector = new TestConnector(2);
    const [a, b] = connector.replicas as [Replica, Replica];
    const onChange = vi.fn();
    const stop = observeCommitment(a.doc, onChange);
    fillLinesFromMeans(a.doc, [
      { id: 'm1', text: 'uno' },
      { id: 'm2', text: 'dos' },
    ]);
    const calls = onChange.mock.calls.length;
    expect(calls).toBeGreaterThanOrEqual(1);
    onChange.mockClear();
    fillLinesFromMeans(a.doc, [{ id: 'm3', text: 'tres' }]);
    expect(onChange).toHaveBeenCalledTimes(1);
    setCommitmentText(b.doc, 'problem', 'remoto');
    sync(connector);
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    setCommitmentText(a.doc, 'problem', 'otra vez');
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});

describe('sync fuzzing', () => {
  type Op =
    | { type: 'addLine' | 'addActivity' | 'addProduct'; replica: number; target: number; text: string }
    | { type: 'type'; replica: number; target: number; text: string; at: number }
    | { type: 'move'; replica: number; target: number; to: number }
    | { type: 'remove'; replica: number; target: number }
    | { type: 'ods'; replica: number; ods: number }
    | { type: 'deliver'; pick: number }
    | { type: 'disconnect' | 'reconnect'; replica: number };

  const small = fc.nat({ max: 100 });
  const text = fc.array(fc.constantFrom('a', 'ñ', ' ', '😀'), { maxLength: 3 }).map((chars) => chars.join(''));
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ type: fc.constantFrom('addLine', 'addActivity', 'addProduct'), replica: small, target: small, text }),
    fc.record({ type: fc.constant('type'), replica: small, target: small, text, at: small }),
    fc.record({ type: fc.constant('move'), replica: small, target: small, to: small }),
    fc.record({ type: fc.constant('remove'), replica: small, target: small }),
    fc.record({ type: fc.constant('ods'), replica: small, ods: fc.integer({ min: 1, max: 17 }) }),
    fc.record({ type: fc.constant('deliver'), pick: fc.nat() }),
    fc.record({ type: fc.constantFrom('disconnect', 'reconnect'), replica: small }),
  );

  /** Every item id a replica shows, lines first: the targets of edits. */
  function itemIds(doc: Y.Doc): { lines: string[]; items: { id: string; path: CommitmentTextPath }[] } {
    const draft = readCommitmentDraft(doc);
    const items: { id: string; path: CommitmentTextPath }[] = [];
    for (const line of draft.linesOfAction) {
      items.push({ id: line.id, path: `linesOfAction.${line.id}.title` });
      for (const activity of line.activities) {
        items.push({ id: activity.id, path: `linesOfAction.${line.id}.activities.${activity.id}.objective` });
      }
    }
    for (const product of draft.products) items.push({ id: product.id, path: `products.${product.id}.text` });
    return { lines: draft.linesOfAction.map((line) => line.id), items };
  }

  function apply(connector: TestConnector, op: Op): void {
    if (op.type === 'deliver') {
      connector.deliver(op.pick);
      return;
    }
    const replica = connector.replicas[op.replica % connector.replicas.length]!;
    const { doc } = replica;
    const { lines, items } = itemIds(doc);
    const item = items[('target' in op ? op.target : 0) % Math.max(items.length, 1)];
    try {
      switch (op.type) {
        case 'disconnect':
          return connector.disconnect(replica);
        case 'reconnect':
          return connector.reconnect(replica);
        case 'addLine':
          return void addLineOfAction(doc, op.text);
        case 'addActivity':
          if (lines.length > 0) addActivity(doc, lines[op.target % lines.length]!, op.text);
          return;
        case 'addProduct':
          return void addProduct(doc, op.text);
        case 'ods':
          return toggleOds(doc, op.ods as 1);
        case 'type': {
          if (item === undefined) return;
          const old = commitmentText(doc, item.path).toString();
          const at = op.at % (old.length + 1);
          return setCommitmentText(doc, item.path, old.slice(0, at) + op.text + old.slice(at));
        }
        case 'move':
          return item === undefined ? undefined : moveItem(doc, item.id, op.to % 6);
        case 'remove':
          return item === undefined ? undefined : removeItem(doc, item.id);
      }
    } catch (error) {
      // A full list is the only refusal a valid target can meet.
      if (!(error instanceof CommitmentEditError && error.code === 'list-full')) throw error;
    }
  }

  it('converges to one valid draft on every replica, whatever the edits and the delivery order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.array(op, { maxLength: 80 }), fc.nat(), (count, ops, seed) => {
        const connector = new TestConnector(count);
        for (const next of ops) apply(connector, next);
        sync(connector, seed);
        const drafts = connector.replicas.map(({ doc }) => readCommitmentDraft(doc));
        for (const draft of drafts) {
          expect(draft).toEqual(drafts[0]);
          expect(commitmentDraftSchema.parse(draft)).toEqual(draft);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the route to fulfilment', () => {
  it('keeps ordered steps with their months; one person’s start month and another’s end month both stay', () => {
    const connector = new TestConnector(2);
    const [a, b] = offline(connector);
    const first = addRouteStep(a.doc, 'Realizar una propuesta ante la Comisión');
    sync(connector);
    const second = addRouteStep(b.doc, 'Mesa de dialogo');
    connector.disconnect(a);
    connector.disconnect(b);
    setRouteStepMonths(a.doc, first, { startMonth: '2020-09' });
    setRouteStepMonths(b.doc, first, { endMonth: '2020-10' });
    moveItem(b.doc, second, 0);
    sync(connector);
    const { route } = readCommitmentDraft(a.doc);
    expect(readCommitmentDraft(b.doc).route).toEqual(route);
    expect(route.map((step) => [step.text, step.startMonth, step.endMonth])).toEqual([
      ['Mesa de dialogo', null, null],
      ['Realizar una propuesta ante la Comisión', '2020-09', '2020-10'],
    ]);
  });

  it('refuses a month that is not one, and a step that is not a step', () => {
    const doc = new Y.Doc();
    const step = addRouteStep(doc, 'Paso');
    const line = addLineOfAction(doc, 'Línea');
    expect(() => setRouteStepMonths(doc, step, { startMonth: '2020-13' })).toThrow(CommitmentEditError);
    expect(() => setRouteStepMonths(doc, line, { startMonth: '2020-01' })).toThrow(CommitmentEditError);
    setCommitmentText(doc, `route.${step}.text`, 'Paso editado');
    removeItem(doc, step);
    expect(readCommitmentDraft(doc).route).toEqual([]);
  });
});
