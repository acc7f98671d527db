import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCause, readTree, setText, TREE_ROOT_ID } from './tree';
import { readCommitmentDraft, setCommitmentText } from './commitment';
import { UNVERSIONED_MESA_JSON, unversionedMesaUpdate } from './fixtures/unversionedMesa';
import { MIGRATIONS, SCHEMA_VERSION, migrateDoc, schemaVersionOf, type Migration } from './migrations';
import { localOrigin, migrationOrigin } from './origins';

function unversionedDoc(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, unversionedMesaUpdate());
  return doc;
}

/**
 * Every top-level type a mesa's document has, `meta` aside, as JSON. (`doc.toJSON()` shows only the types this
 * replica has opened, so two equal documents may show differently.)
 */
function content(doc: Y.Doc): Record<string, unknown> {
  return {
    treeNodes: doc.getMap('treeNodes').toJSON(),
    treeProblemText: doc.getText('treeProblemText').toString(),
    treeObjectiveText: doc.getText('treeObjectiveText').toString(),
    treeProblem: doc.getMap('treeProblem').toJSON(),
    commitment: doc.getMap('commitment').toJSON(),
  };
}

/** The whole document as JSON, `meta` included. */
function everything(doc: Y.Doc): Record<string, unknown> {
  return { ...content(doc), meta: doc.getMap('meta').toJSON() };
}

/** Exchanges the full state of two replicas both ways, as a sync does. */
function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}

/**
 * A migration of the kind a later schema could add: every tree node gets a key computed from the node alone, and the
 * problem map learns how many nodes the tree had. Used to check that the runner, and the rules it documents, hold for
 * migrations that write content, not only the version.
 */
const WITH_A_CONTENT_MIGRATION: readonly Migration[] = [
  ...MIGRATIONS,
  {
    version: MIGRATIONS.length + 1,
    description: 'test: every node records whether it is a cause',
    migrate(doc) {
      doc.getMap<Y.Map<unknown>>('treeNodes').forEach((node) => node.set('isCause', node.get('kind') === 'causa'));
    },
  },
];

describe('the unversioned fixture, written by the code before versioning', () => {
  it('loads as it was written, as version 0', () => {
    const doc = unversionedDoc(1);
    expect(content(doc)).toEqual(UNVERSIONED_MESA_JSON);
    expect(schemaVersionOf(doc)).toBe(0);
    expect(readTree(doc).nodes.size).toBe(4);
    expect(readCommitmentDraft(doc).linesOfAction[0]!.activities[0]!.startDate).toBe('2027-01-15');
  });

  it('migrates to the current version, changing nothing the accessors read', () => {
    const doc = unversionedDoc(1);
    const treeBefore = readTree(doc);
    const draftBefore = readCommitmentDraft(doc);
    expect(migrateDoc(doc)).toBeInstanceOf(Uint8Array);
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
    expect(content(doc)).toEqual(UNVERSIONED_MESA_JSON);
    expect(readTree(doc)).toEqual(treeBefore);
    expect(readCommitmentDraft(doc)).toEqual(draftBefore);
  });

  it('migrates once: a second run writes nothing', () => {
    const doc = unversionedDoc(1);
    migrateDoc(doc);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    expect(migrateDoc(doc)).toBeNull();
    expect(updates).toEqual([]);
  });

  it('the returned update carries the whole migration to another replica', () => {
    const migrated = unversionedDoc(1);
    const update = migrateDoc(migrated, WITH_A_CONTENT_MIGRATION)!;
    const other = unversionedDoc(2);
    Y.applyUpdate(other, update);
    expect(everything(other)).toEqual(everything(migrated));
    expect(schemaVersionOf(other)).toBe(SCHEMA_VERSION + 1);
  });
});

describe('the migration runner', () => {
  it('numbers the migrations 1, 2, … with no gap', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('applies every pending migration in one transaction with the migration origin, which no undo tracks', () => {
    const doc = unversionedDoc(1);
    const undo = new Y.UndoManager(doc.getMap('treeNodes'), { trackedOrigins: new Set([localOrigin]) });
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    migrateDoc(doc, WITH_A_CONTENT_MIGRATION);
    expect(origins).toEqual([migrationOrigin]);
    expect(undo.undoStack).toHaveLength(0);
    expect([...readTree(doc).nodes.values()].length).toBe(4);
    doc.getMap<Y.Map<unknown>>('treeNodes').forEach((node) => expect(node.get('isCause')).toBeTypeOf('boolean'));
  });

  it('runs only the migrations above the document version', () => {
    const doc = unversionedDoc(1);
    migrateDoc(doc);
    let ran = 0;
    const counting: readonly Migration[] = [
      ...MIGRATIONS.map((migration) => ({ ...migration, migrate: () => void ran++ })),
      { version: SCHEMA_VERSION + 1, description: 'test', migrate: () => void ran++ },
    ];
    migrateDoc(doc, counting);
    expect(ran).toBe(1);
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION + 1);
  });

  it('leaves a document of a newer version alone', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 5);
    expect(migrateDoc(doc)).toBeNull();
    expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION + 5);
  });

  it('reads a version that is not a whole number as 0', () => {
    for (const value of ['1', -1, 1.5, null]) {
      const doc = new Y.Doc();
      doc.getMap('meta').set('schemaVersion', value);
      expect(schemaVersionOf(doc)).toBe(0);
    }
  });
});

describe('replicas of one old document', () => {
  it('two that migrate at once converge, and neither needs migrating again', () => {
    const a = unversionedDoc(1);
    const b = unversionedDoc(2);
    migrateDoc(a, WITH_A_CONTENT_MIGRATION);
    migrateDoc(b, WITH_A_CONTENT_MIGRATION);
    sync(a, b);
    expect(everything(a)).toEqual(everything(b));
    expect(schemaVersionOf(a)).toBe(SCHEMA_VERSION + 1);
    expect(migrateDoc(a, WITH_A_CONTENT_MIGRATION)).toBeNull();
    expect(migrateDoc(b, WITH_A_CONTENT_MIGRATION)).toBeNull();
  });

  it('one that edited offline, unmigrated, merges into the migrated one and keeps its edits', () => {
    const server = unversionedDoc(1);
    const browser = unversionedDoc(2);
    migrateDoc(server);
    const cause = addCause(browser, TREE_ROOT_ID, 'Escrita sin conexión');
    setText(browser, TREE_ROOT_ID, 'Baja participación ciudadana');
    setCommitmentText(browser, 'finalResult', 'Catálogo publicado');
    sync(server, browser);
    expect(everything(server)).toEqual(everything(browser));
    expect(schemaVersionOf(browser)).toBe(SCHEMA_VERSION);
    expect(readTree(browser).nodes.get(cause)?.text).toBe('Escrita sin conexión');
    expect(readTree(server).root.text).toBe('Baja participación ciudadana');
    expect(readCommitmentDraft(server).finalResult).toBe('Catálogo publicado');
  });
});
