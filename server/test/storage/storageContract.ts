import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyCommand, createDefaultAgenda, initialAgendaState, type Mesa, type VersionStage } from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { generateId, hashToken } from '../../src/auth/tokens';
import type { Storage, StoredAgenda } from '../../src/storage/Storage';

export interface StorageFactory {
  /** A fresh, empty storage. */
  create(): Promise<Storage>;
  /** The same storage closed and opened again, as after a restart. */
  reopen(storage: Storage): Promise<Storage>;
  dispose(): Promise<void>;
}

function mesa(overrides: Partial<Mesa> = {}): Mesa {
  return {
    id: generateId(),
    title: 'Mesa de movilidad',
    theme: 'movilidad',
    date: '2026-11-21',
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A record as the agenda service writes one: the template, started, with the tree forced open. */
function agendaRecord(date = '2026-11-21'): StoredAgenda {
  const agenda = createDefaultAgenda(date);
  const started = applyCommand(agenda, initialAgendaState(), { type: 'start' }, 1_790_000_000_000);
  if (!started.ok) throw new Error(started.error);
  return { agenda, state: started.state, overrides: { tree: 'open', commitment: null } };
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function replay(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return doc;
}

/**
 * The rules every storage backend must keep. SQLite runs it now; a PostgreSQL backend runs the same suite.
 * Each test is named after the rule it checks.
 */
export function storageContract(name: string, factory: StorageFactory): void {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await factory.create();
    });
    afterEach(async () => {
      await storage.close();
      await factory.dispose();
    });

    it('an unknown room loads as an empty document', async () => {
      expect(await storage.loadDoc('nadie')).toEqual({ snapshot: null, updates: [], lastSeq: 0 });
    });

    it('appended updates load back in order, byte for byte', async () => {
      const updates = ['a', 'b', 'c'].map(textUpdate);
      for (const u of updates) await storage.appendUpdate('r', u);
      const stored = await storage.loadDoc('r');
      expect(stored.snapshot).toBeNull();
      expect(stored.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
        updates.map((u) => Buffer.from(u).toString('hex')),
      );
    });

    it('sequence numbers grow strictly within a room', async () => {
      const seqs = [];
      for (let i = 0; i < 5; i++) seqs.push(await storage.appendUpdate('r', textUpdate(String(i))));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(5);
      expect((await storage.loadDoc('r')).lastSeq).toBe(seqs.at(-1));
    });

    it('rooms do not see each other’s updates', async () => {
      await storage.appendUpdate('a', textUpdate('uno'));
      await storage.appendUpdate('b', textUpdate('dos'));
      expect(
        replay(await storage.loadDoc('a'))
          .getText('t')
          .toString(),
      ).toBe('uno');
      expect(
        replay(await storage.loadDoc('b'))
          .getText('t')
          .toString(),
      ).toBe('dos');
    });

    it('compaction keeps the document and drops the folded updates', async () => {
      const doc = new Y.Doc();
      let lastSeq = 0;
      doc.on('update', (u: Uint8Array) => void storage.appendUpdate('r', u).then((s) => (lastSeq = s)));
      for (const ch of 'compactar') doc.getText('t').insert(doc.getText('t').length, ch);
      await new Promise((r) => setTimeout(r, 10));
      await storage.compact('r', Y.encodeStateAsUpdate(doc), lastSeq);
      const stored = await storage.loadDoc('r');
      expect(stored.updates).toHaveLength(0);
      expect(stored.lastSeq).toBe(lastSeq);
      expect(replay(stored).getText('t').toString()).toBe('compactar');
    });

    it('updates appended after a compaction load on top of the snapshot', async () => {
      const s1 = await storage.appendUpdate('r', textUpdate('x'));
      const snapshotDoc = replay(await storage.loadDoc('r'));
      await storage.compact('r', Y.encodeStateAsUpdate(snapshotDoc), s1);
      const later = new Y.Doc();
      later.getMap('m').set('k', 'después');
      const s2 = await storage.appendUpdate('r', Y.encodeStateAsUpdate(later));
      expect(s2).toBeGreaterThan(s1);
      const stored = await storage.loadDoc('r');
      expect(stored.updates).toHaveLength(1);
      expect(stored.lastSeq).toBe(s2);
      const doc = replay(stored);
      expect(doc.getText('t').toString()).toBe('x');
      expect(doc.getMap('m').get('k')).toBe('después');
    });

    it('everything appended survives a reopen', async () => {
      await storage.appendUpdate('r', textUpdate('persistente'));
      storage = await factory.reopen(storage);
      expect(
        replay(await storage.loadDoc('r'))
          .getText('t')
          .toString(),
      ).toBe('persistente');
    });

    it('a mesa reads back as created, and lists', async () => {
      const m = mesa();
      await storage.createMesa(m, []);
      expect(await storage.getMesa(m.id)).toEqual(m);
      expect((await storage.listMesas()).map((x) => x.id)).toContain(m.id);
      expect(await storage.getMesa('no-existe-000000')).toBeNull();
    });

    it('a token hash grants its role on its own mesa only', async () => {
      const a = mesa();
      const b = mesa();
      await storage.createMesa(a, [
        { role: 'facilitator', tokenHash: hashToken('f') },
        { role: 'observer', tokenHash: hashToken('o') },
      ]);
      await storage.createMesa(b, []);
      expect(await storage.findRole(a.id, hashToken('f'))).toBe('facilitator');
      expect(await storage.findRole(a.id, hashToken('o'))).toBe('observer');
      expect(await storage.findRole(b.id, hashToken('f'))).toBeNull();
      expect(await storage.findRole(a.id, hashToken('otro'))).toBeNull();
    });

    it('a seat finds its participant on its own mesa only, and joins list in order', async () => {
      const a = mesa();
      const b = mesa();
      await storage.createMesa(a, []);
      await storage.createMesa(b, []);
      const ana = {
        id: 'p1',
        role: 'participant' as const,
        name: 'Ana',
        sector: 'academia' as const,
        organization: 'UAEMéx',
        color: '#1f77b4',
      };
      const beto = { ...ana, id: 'p2', name: 'Beto', sector: 'otro' as const };
      await storage.addParticipant(a.id, ana, hashToken('s1'));
      await storage.addParticipant(a.id, beto, hashToken('s2'));
      expect(await storage.findParticipant(a.id, hashToken('s1'))).toEqual(ana);
      expect(await storage.findParticipant(b.id, hashToken('s1'))).toBeNull();
      expect((await storage.listParticipants(a.id)).map((p) => p.name)).toEqual(['Ana', 'Beto']);
    });

    it('an agenda nobody has used loads as null', async () => {
      const m = mesa();
      await storage.createMesa(m, []);
      expect(await storage.loadAgenda(m.id)).toBeNull();
    });

    it('a saved agenda reads back as saved, and the next save replaces it', async () => {
      const m = mesa();
      await storage.createMesa(m, []);
      const first = agendaRecord();
      await storage.saveAgenda(m.id, first);
      expect(await storage.loadAgenda(m.id)).toEqual(first);
      const paused = applyCommand(
        first.agenda,
        first.state,
        { type: 'pause' },
        first.state.stageLog[0]!.actualStart + 1,
      );
      if (!paused.ok) throw new Error(paused.error);
      const second: StoredAgenda = { ...first, state: paused.state, overrides: { tree: null, commitment: 'locked' } };
      await storage.saveAgenda(m.id, second);
      expect(await storage.loadAgenda(m.id)).toEqual(second);
    });

    it('mesas do not see each other’s agendas', async () => {
      const a = mesa();
      const b = mesa({ date: '2026-12-05' });
      await storage.createMesa(a, []);
      await storage.createMesa(b, []);
      await storage.saveAgenda(a.id, agendaRecord(a.date));
      await storage.saveAgenda(b.id, agendaRecord(b.date));
      expect((await storage.loadAgenda(a.id))?.agenda.date).toBe(a.date);
      expect((await storage.loadAgenda(b.id))?.agenda.date).toBe(b.date);
    });

    it('a saved agenda survives a reopen, the running timer’s end time included', async () => {
      const m = mesa();
      await storage.createMesa(m, []);
      const record = agendaRecord();
      await storage.saveAgenda(m.id, record);
      storage = await factory.reopen(storage);
      const loaded = await storage.loadAgenda(m.id);
      expect(loaded).toEqual(record);
      expect(loaded?.state.endsAt).toBe(record.state.endsAt);
    });

    const stage: VersionStage = { status: 'running', number: 4, name: 'Análisis del problema' };

    it('commitment versions are numbered per mesa, listed newest first, and survive a reopen unchanged', async () => {
      const a = mesa();
      const b = mesa();
      await storage.createMesa(a, []);
      await storage.createMesa(b, []);
      const first = await storage.addCommitmentVersion(a.id, {
        stage,
        contentHash: 'a'.repeat(64),
        commitment: { ...seed004Commitment, mesaId: a.id },
      });
      const other = await storage.addCommitmentVersion(b.id, {
        stage,
        contentHash: 'b'.repeat(64),
        commitment: { ...seed004Commitment, mesaId: b.id },
      });
      const second = await storage.addCommitmentVersion(a.id, {
        stage: { ...stage, number: 7 },
        contentHash: 'c'.repeat(64),
        commitment: { ...seed004Commitment, mesaId: a.id, finalResult: 'Otro.' },
      });
      expect([first.number, other.number, second.number]).toEqual([1, 1, 2]);
      storage = await factory.reopen(storage);
      expect((await storage.listCommitmentVersions(a.id)).map((v) => [v.number, v.contentHash])).toEqual([
        [2, 'c'.repeat(64)],
        [1, 'a'.repeat(64)],
      ]);
      expect(await storage.getCommitmentVersion(a.id, 1)).toEqual(first);
      expect(await storage.getCommitmentVersion(a.id, 2)).toEqual(second);
      expect(await storage.getCommitmentVersion(b.id, 2)).toBeNull();
      expect(await storage.listCommitmentVersions(mesa().id)).toEqual([]);
    });
  });
}
