import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyCommand,
  createDefaultAgenda,
  fileEvidence,
  initialAgendaState,
  type Mesa,
  type PublicEvidence,
  type ReviewStatus,
  type VersionStage,
} from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { generateId, hashToken } from '../../src/auth/tokens';
import type { Storage, StoredAgenda, StoredMember } from '../../src/storage/Storage';

export interface StorageFactory {
  /** A fresh, empty storage. */
  create(): Promise<Storage>;
  /** The same storage closed and opened again, as after a restart. */
  reopen(storage: Storage): Promise<Storage>;
  /**
   * One more instance over the storage `create` made, as another server process would open it; only for a backend
   * that several processes share (PostgreSQL). SQLite's log has one writer, the one process that opened the file.
   */
  another?: () => Promise<Storage>;
  dispose(): Promise<void>;
}

/** The time the tests hand the store for every write that stamps one. */
const AT = '2026-12-01T18:00:00.000Z';

function mesa(overrides: Partial<Mesa> = {}): Mesa {
  return {
    id: generateId(),
    title: 'Mesa de movilidad',
    theme: 'movilidad',
    date: '2026-11-21',
    createdAt: new Date().toISOString(),
    closedAt: null,
    kind: 'mesa',
    phase: null,
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
 * The rules every storage backend must keep: SQLite and PostgreSQL run this same suite. Each test is named after
 * the rule it checks.
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
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (const ch of 'compactar') doc.getText('t').insert(doc.getText('t').length, ch);
      let lastSeq = 0;
      for (const u of updates) lastSeq = await storage.appendUpdate('r', u);
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

    it('appends made at once to one room commit in the order they were made', async () => {
      const updates = Array.from({ length: 20 }, (_, i) => textUpdate(`u${i};`));
      const seqs = await Promise.all(updates.map((u) => storage.appendUpdate('r', u)));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      const stored = await storage.loadDoc('r');
      expect(stored.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
        updates.map((u) => Buffer.from(u).toString('hex')),
      );
    });

    it('a batch appends in its order, numbered after what came before it', async () => {
      const updates = ['a;', 'b;', 'c;', 'd;', 'e;'].map(textUpdate);
      const first = await storage.appendUpdate('r', updates[0]!);
      const batch = updates.slice(1, 4);
      const seqs = await storage.appendUpdates('r', batch);
      expect(seqs).toHaveLength(3);
      expect(seqs[0]).toBeGreaterThan(first);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(3);
      const after = await storage.appendUpdate('r', updates[4]!);
      expect(after).toBeGreaterThan(seqs[2]!);
      const stored = await storage.loadDoc('r');
      expect(stored.lastSeq).toBe(after);
      expect(stored.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
        updates.map((u) => Buffer.from(u).toString('hex')),
      );
    });

    it('batches and single appends made at once to one room commit in the order they were made', async () => {
      const updates = Array.from({ length: 30 }, (_, i) => textUpdate(`w${i};`));
      const pending: Promise<number[]>[] = [];
      for (let i = 0; i < updates.length; i += 3) {
        const group = updates.slice(i, i + 3);
        pending.push(
          i % 2 === 0
            ? Promise.resolve(storage.appendUpdates('r', group))
            : Promise.all(group.map((u) => storage.appendUpdate('r', u))),
        );
      }
      const seqs = (await Promise.all(pending)).flat();
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      const stored = await storage.loadDoc('r');
      expect(stored.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
        updates.map((u) => Buffer.from(u).toString('hex')),
      );
    });

    it('a compaction never replaces a newer snapshot with an older one', async () => {
      const doc = new Y.Doc();
      const seqs: number[] = [];
      const snapshots: Uint8Array[] = [];
      for (const word of ['uno', 'dos', 'tres']) {
        doc.getText('t').insert(doc.getText('t').length, word);
        seqs.push(await storage.appendUpdate('r', Y.encodeStateAsUpdate(doc)));
        snapshots.push(Y.encodeStateAsUpdate(doc));
      }
      await storage.compact('r', snapshots[2]!, seqs[2]!);
      // A slower process's compaction, folded from an older state, arrives last.
      await storage.compact('r', snapshots[0]!, seqs[0]!);
      const stored = await storage.loadDoc('r');
      expect(stored.lastSeq).toBe(seqs[2]);
      expect(replay(stored).getText('t').toString()).toBe('unodostres');
      const next = await storage.appendUpdate('r', textUpdate('más'));
      expect(next).toBeGreaterThan(seqs[2]!);
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

    it('a seat finds its participant on its own mesa only, and joins list in the order of their times', async () => {
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
      // Beto's join is recorded first, with the later time: the order is the joins' times, as the caller gave them.
      await storage.addParticipant(a.id, beto, hashToken('s2'), '2026-11-21T16:05:00.000Z');
      await storage.addParticipant(a.id, ana, hashToken('s1'), '2026-11-21T16:00:00.000Z');
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
      await storage.saveAgenda(m.id, first, AT);
      expect(await storage.loadAgenda(m.id)).toEqual(first);
      const paused = applyCommand(
        first.agenda,
        first.state,
        { type: 'pause' },
        first.state.stageLog[0]!.actualStart + 1,
      );
      if (!paused.ok) throw new Error(paused.error);
      const second: StoredAgenda = { ...first, state: paused.state, overrides: { tree: null, commitment: 'locked' } };
      await storage.saveAgenda(m.id, second, AT);
      expect(await storage.loadAgenda(m.id)).toEqual(second);
    });

    it('an agenda is saved only over the revision it was read at, and created only once', async () => {
      // Two processes apply a command to the same record: the second write must fail, not overwrite the first.
      const m = mesa();
      await storage.createMesa(m, []);
      const first = agendaRecord();
      expect(await storage.saveAgenda(m.id, first, AT, null)).toBe(true);
      const other = { ...first, overrides: { tree: null, commitment: null } };
      expect(await storage.saveAgenda(m.id, other, AT, null)).toBe(false);
      const revision = first.state.revision;
      const at = (r: number): StoredAgenda => ({ ...first, state: { ...first.state, revision: r } });
      expect(await storage.saveAgenda(m.id, at(revision + 1), AT, revision)).toBe(true);
      expect(await storage.saveAgenda(m.id, at(revision + 1), AT, revision)).toBe(false);
      expect(await storage.saveAgenda(m.id, at(revision + 2), AT, revision + 1)).toBe(true);
      expect(await storage.loadAgenda(m.id)).toEqual(at(revision + 2));
    });

    it('mesas do not see each other’s agendas', async () => {
      const a = mesa();
      const b = mesa({ date: '2026-12-05' });
      await storage.createMesa(a, []);
      await storage.createMesa(b, []);
      await storage.saveAgenda(a.id, agendaRecord(a.date), AT);
      await storage.saveAgenda(b.id, agendaRecord(b.date), AT);
      expect((await storage.loadAgenda(a.id))?.agenda.date).toBe(a.date);
      expect((await storage.loadAgenda(b.id))?.agenda.date).toBe(b.date);
    });

    it('a saved agenda survives a reopen, the running timer’s end time included', async () => {
      const m = mesa();
      await storage.createMesa(m, []);
      const record = agendaRecord();
      await storage.saveAgenda(m.id, record, AT);
      storage = await factory.reopen(storage);
      const loaded = await storage.loadAgenda(m.id);
      expect(loaded).toEqual(record);
      expect(loaded?.state.endsAt).toBe(record.state.endsAt);
    });

    const stage: VersionStage = { status: 'running', number: 4, name: 'Análisis del problema' };

    it('commitment versions are numbered per mesa, keep the caller’s time, list newest first, and survive a reopen', async () => {
      const a = mesa();
      const b = mesa();
      await storage.createMesa(a, []);
      await storage.createMesa(b, []);
      const first = await storage.addCommitmentVersion(a.id, {
        savedAt: '2026-11-21T17:00:00.000Z',
        stage,
        contentHash: 'a'.repeat(64),
        commitment: { ...seed004Commitment, mesaId: a.id },
      });
      const other = await storage.addCommitmentVersion(b.id, {
        savedAt: '2026-11-21T17:01:00.000Z',
        stage,
        contentHash: 'b'.repeat(64),
        commitment: { ...seed004Commitment, mesaId: b.id },
      });
      const second = await storage.addCommitmentVersion(a.id, {
        savedAt: '2026-11-21T17:02:00.000Z',
        stage: { ...stage, number: 7 },
        contentHash: 'c'.repeat(64),
        commitment: { ...seed004Commitment, mesaId: a.id, finalResult: 'Otro.' },
      });
      expect([first.number, other.number, second.number]).toEqual([1, 1, 2]);
      expect(first.savedAt).toBe('2026-11-21T17:00:00.000Z');
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

    it('closing a mesa records the first closing time only', async () => {
      const m = mesa();
      await storage.createMesa(m, []);
      expect(await storage.closeMesa(m.id, '2026-11-21T20:00:00.000Z')).toEqual({
        ...m,
        closedAt: '2026-11-21T20:00:00.000Z',
      });
      expect((await storage.closeMesa(m.id, '2026-11-22T08:00:00.000Z'))?.closedAt).toBe('2026-11-21T20:00:00.000Z');
      storage = await factory.reopen(storage);
      expect((await storage.getMesa(m.id))?.closedAt).toBe('2026-11-21T20:00:00.000Z');
      expect(await storage.closeMesa('no-existe-000000', '2026-11-21T20:00:00.000Z')).toBeNull();
    });

    it('a compromiso proactivo moves from the phase it is at only, survives a reopen; a mesa de cocreación has none', async () => {
      const proactive = mesa({ kind: 'proactivo', phase: 1 });
      const cocreated = mesa();
      await storage.createMesa(proactive, []);
      await storage.createMesa(cocreated, []);
      expect(await storage.getMesa(proactive.id)).toEqual(proactive);
      expect(await storage.moveMesaPhase(proactive.id, 1, 2)).toEqual({ ok: true, mesa: { ...proactive, phase: 2 } });
      expect(await storage.moveMesaPhase(proactive.id, 1, 2)).toEqual({ ok: false, reason: 'stale' });
      expect(await storage.moveMesaPhase(cocreated.id, 1, 2)).toEqual({ ok: false, reason: 'not_found' });
      expect(await storage.moveMesaPhase('no-existe-000000', 1, 2)).toEqual({ ok: false, reason: 'not_found' });
      // Racing moves from one phase: one wins.
      const raced = await Promise.all([
        storage.moveMesaPhase(proactive.id, 2, 3),
        storage.moveMesaPhase(proactive.id, 2, 1),
      ]);
      expect(raced.filter((r) => r.ok)).toHaveLength(1);
      const won = raced.find((r) => r.ok)?.mesa.phase;
      storage = await factory.reopen(storage);
      expect(await storage.getMesa(proactive.id)).toEqual({ ...proactive, phase: won });
      expect(await storage.getMesa(cocreated.id)).toEqual(cocreated);
      expect((await storage.listMesas()).map((m) => [m.kind, m.phase]).sort()).toEqual([
        ['mesa', null],
        ['proactivo', won],
      ]);
    });

    it('a replaced capability grants nothing, its replacement the same role, other roles untouched', async () => {
      const m = mesa();
      await storage.createMesa(m, [
        { role: 'participant', tokenHash: hashToken('viejo') },
        { role: 'observer', tokenHash: hashToken('o') },
      ]);
      await storage.replaceCapability(m.id, { role: 'participant', tokenHash: hashToken('nuevo') });
      expect(await storage.findRole(m.id, hashToken('viejo'))).toBeNull();
      expect(await storage.findRole(m.id, hashToken('nuevo'))).toBe('participant');
      expect(await storage.findRole(m.id, hashToken('o'))).toBe('observer');
    });

    it('participants are counted per mesa, role and sector', async () => {
      const a = mesa();
      const b = mesa();
      await storage.createMesa(a, []);
      await storage.createMesa(b, []);
      const person = { role: 'participant' as const, organization: 'Org', color: '#1f77b4' };
      await storage.addParticipant(a.id, { ...person, id: 'c1', name: 'A', sector: 'academia' }, hashToken('c1'), AT);
      await storage.addParticipant(a.id, { ...person, id: 'c2', name: 'B', sector: 'academia' }, hashToken('c2'), AT);
      await storage.addParticipant(
        a.id,
        { ...person, id: 'c3', name: 'C', sector: 'otro', role: 'observer' },
        hashToken('c3'),
        AT,
      );
      await storage.addParticipant(b.id, { ...person, id: 'c4', name: 'D', sector: 'otro' }, hashToken('c4'), AT);
      const counts = await storage.countParticipants();
      const key = (c: { mesaId: string; role: string; sector: string; count: number }) =>
        `${c.mesaId === a.id ? 'a' : c.mesaId === b.id ? 'b' : '?'} ${c.role} ${c.sector} ${c.count}`;
      expect(counts.map(key).sort()).toEqual(['a observer otro 1', 'a participant academia 2', 'b participant otro 1']);
    });
  });

  // Only a backend that several processes can share has these rules; SQLite has one writer by design, so its suite
  // does not define them rather than reporting them skipped.
  const another = factory.another;
  if (another) {
    describe(`storage contract: ${name}, shared by several server processes`, () => {
      let storage: Storage;
      let other: Storage;
      beforeEach(async () => {
        storage = await factory.create();
        other = await another();
      });
      afterEach(async () => {
        await other.close();
        await storage.close();
        await factory.dispose();
      });

      it('two processes appending to one room at once get unique numbers, increasing in each one’s order', async () => {
        const appendAll = (store: Storage, tag: string) =>
          Promise.all(Array.from({ length: 40 }, (_, i) => store.appendUpdate('r', textUpdate(`${tag}${i};`))));
        const [ours, theirs] = await Promise.all([appendAll(storage, 'a'), appendAll(other, 'b')]);
        for (const seqs of [ours, theirs]) expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
        const all = [...ours, ...theirs];
        expect(new Set(all).size).toBe(80);
        // Both read the one log: every update, in the order of its number.
        for (const store of [storage, other]) {
          const stored = await store.loadDoc('r');
          expect(stored.updates).toHaveLength(80);
          expect(stored.lastSeq).toBe(Math.max(...all));
        }
        const text = replay(await other.loadDoc('r'))
          .getText('t')
          .toString();
        expect(text.split(';').filter(Boolean).sort()).toEqual(
          [...Array.from({ length: 40 }, (_, i) => `a${i}`), ...Array.from({ length: 40 }, (_, i) => `b${i}`)].sort(),
        );
      });

      it('a number is never reused after another process compacted the room', async () => {
        const s1 = await storage.appendUpdate('r', textUpdate('x'));
        const s2 = await other.appendUpdate('r', textUpdate('y'));
        await other.compact('r', Y.encodeStateAsUpdate(replay(await other.loadDoc('r'))), s2);
        const s3 = await storage.appendUpdate('r', textUpdate('z'));
        expect(s3).toBeGreaterThan(s2);
        expect(s2).toBeGreaterThan(s1);
        const text = replay(await storage.loadDoc('r'))
          .getText('t')
          .toString();
        expect([...text].sort().join('')).toBe('xyz');
      });

      it('two processes compacting one room at once leave a snapshot and log that hold every update', async () => {
        const doc = new Y.Doc();
        let seq = 0;
        for (let i = 0; i < 30; i++) {
          doc.getArray<number>('a').push([i]);
          seq = await (i % 2 ? other : storage).appendUpdate('r', Y.encodeStateAsUpdate(doc));
          if (i % 10 === 9) {
            const snapshot = Y.encodeStateAsUpdate(doc);
            await Promise.all([storage.compact('r', snapshot, seq), other.compact('r', snapshot, seq)]);
          }
        }
        const stored = await storage.loadDoc('r');
        expect(stored.lastSeq).toBe(seq);
        expect(replay(stored).getArray<number>('a').toArray()).toEqual(Array.from({ length: 30 }, (_, i) => i));
      });
    });
  }

  describe(`storage contract: ${name}, STL accounts`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await factory.create();
    });
    afterEach(async () => {
      await storage.close();
      await factory.dispose();
    });

    const NOW = 1_790_000_000_000;
    const HOUR = 3_600_000;

    function member(overrides: Partial<StoredMember> = {}): StoredMember {
      return {
        id: generateId(),
        email: 'ana@infoem.org.mx',
        name: 'Ana',
        role: 'stl',
        passwordHash: 'scrypt$prueba',
        createdAt: new Date(NOW).toISOString(),
        ...overrides,
      };
    }

    it('a member is found by e-mail with the password hash, and an e-mail has one account', async () => {
      const ana = member();
      const { passwordHash: _hash, ...shown } = ana;
      expect(await storage.addMember(ana)).toEqual(shown);
      expect(await storage.findMemberByEmail('ana@infoem.org.mx')).toEqual({ ...ana, disabledAt: null });
      expect(await storage.addMember(member({ email: 'ANA@infoem.org.mx' }))).toBeNull();
      expect(await storage.findMemberByEmail('beto@infoem.org.mx')).toBeNull();
    });

    it('a session finds its member until it expires, and not after it is deleted', async () => {
      const ana = member();
      await storage.addMember(ana);
      await storage.addSession({ tokenHash: hashToken('s'), memberId: ana.id, expiresAt: NOW + HOUR }, NOW);
      expect((await storage.findSessionMember(hashToken('s'), NOW))?.id).toBe(ana.id);
      expect(await storage.findSessionMember(hashToken('s'), NOW + HOUR)).toBeNull();
      expect(await storage.findSessionMember(hashToken('otro'), NOW)).toBeNull();
      await storage.deleteSession(hashToken('s'));
      expect(await storage.findSessionMember(hashToken('s'), NOW)).toBeNull();
    });

    it('each session records when its member last signed in', async () => {
      const ana = member();
      await storage.addMember(ana);
      expect((await storage.getMember(ana.id))?.lastSignedInAt).toBeNull();
      await storage.addSession({ tokenHash: hashToken('1'), memberId: ana.id, expiresAt: NOW + HOUR }, NOW);
      await storage.addSession({ tokenHash: hashToken('2'), memberId: ana.id, expiresAt: NOW + 3 * HOUR }, NOW + HOUR);
      storage = await factory.reopen(storage);
      expect((await storage.listMembers()).map((m) => m.lastSignedInAt)).toEqual([new Date(NOW + HOUR).toISOString()]);
    });

    it('a member’s role changes and access is taken away, ending its sessions, and given back', async () => {
      const ana = member();
      const beto = member({ email: 'beto@uaemex.mx', name: 'Beto', createdAt: new Date(NOW + 1).toISOString() });
      for (const m of [ana, beto]) await storage.addMember(m);
      await storage.addSession({ tokenHash: hashToken('b'), memberId: beto.id, expiresAt: NOW + HOUR }, NOW);
      await storage.addSession({ tokenHash: hashToken('a'), memberId: ana.id, expiresAt: NOW + HOUR }, NOW);
      const shown = ({ passwordHash: _hash, ...m }: StoredMember) => ({
        ...m,
        disabledAt: null,
        disabledBy: null,
        lastSignedInAt: new Date(NOW).toISOString(),
      });
      expect(await storage.listMembers()).toEqual([shown(ana), shown(beto)]);

      expect(await storage.updateMember(beto.id, { role: 'seguimiento', by: ana.id })).toEqual({
        ...shown(beto),
        role: 'seguimiento',
      });
      expect((await storage.findSessionMember(hashToken('b'), NOW))?.role).toBe('seguimiento');

      const away = new Date(NOW + 2).toISOString();
      expect(await storage.updateMember(beto.id, { disabledAt: away, by: ana.id })).toMatchObject({
        disabledAt: away,
        disabledBy: 'Ana',
      });
      expect(await storage.findSessionMember(hashToken('b'), NOW)).toBeNull();
      expect((await storage.findSessionMember(hashToken('a'), NOW))?.id).toBe(ana.id);
      // Taken away again, by the admin token: the first time and author stay.
      await storage.updateMember(beto.id, { disabledAt: new Date(NOW + 3).toISOString(), by: null });
      expect((await storage.findMemberByEmail(beto.email))?.disabledAt).toBe(away);

      storage = await factory.reopen(storage);
      expect((await storage.listMembers()).map((m) => [m.disabledAt, m.disabledBy])).toEqual([
        [null, null],
        [away, 'Ana'],
      ]);
      expect(await storage.updateMember(beto.id, { disabledAt: null, by: ana.id })).toMatchObject({
        disabledAt: null,
        disabledBy: null,
      });
      // Given back, the account signs in again; the sessions ended with the access stay ended.
      expect(await storage.findSessionMember(hashToken('b'), NOW)).toBeNull();
      expect(await storage.updateMember(generateId(), { role: 'stl', by: null })).toBeNull();
    });

    it('a password link sets a new password once, ends the member’s sessions, and a newer one retires it', async () => {
      const ana = member();
      const beto = member({ email: 'beto@uaemex.mx', name: 'Beto' });
      for (const m of [ana, beto]) await storage.addMember(m);
      await storage.addSession({ tokenHash: hashToken('b'), memberId: beto.id, expiresAt: NOW + HOUR }, NOW);
      const reset = (token: string, expiresAt = NOW + HOUR) =>
        storage.addPasswordReset({
          tokenHash: hashToken(token),
          memberId: beto.id,
          createdBy: ana.id,
          createdAt: NOW,
          expiresAt,
        });

      await reset('viejo');
      await reset('nuevo');
      expect(await storage.resetPassword(hashToken('viejo'), NOW, 'scrypt$nueva')).toBeNull();
      expect(await storage.resetPassword(hashToken('nuevo'), NOW, 'scrypt$nueva')).toEqual({
        id: beto.id,
        email: beto.email,
        name: 'Beto',
        role: 'stl',
        createdAt: beto.createdAt,
      });
      expect((await storage.findMemberByEmail(beto.email))?.passwordHash).toBe('scrypt$nueva');
      expect(await storage.findSessionMember(hashToken('b'), NOW)).toBeNull();
      expect(await storage.resetPassword(hashToken('nuevo'), NOW, 'scrypt$otra')).toBeNull();

      await reset('vencido', NOW);
      expect(await storage.resetPassword(hashToken('vencido'), NOW, 'scrypt$otra')).toBeNull();
      await reset('sin-acceso');
      await storage.updateMember(beto.id, { disabledAt: new Date(NOW).toISOString(), by: ana.id });
      expect(await storage.resetPassword(hashToken('sin-acceso'), NOW, 'scrypt$otra')).toBeNull();
      expect((await storage.findMemberByEmail(beto.email))?.passwordHash).toBe('scrypt$nueva');
      expect((await storage.findMemberByEmail(ana.email))?.passwordHash).toBe(ana.passwordHash);
    });

    it('sessions survive a reopen', async () => {
      const ana = member();
      await storage.addMember(ana);
      await storage.addSession({ tokenHash: hashToken('s'), memberId: ana.id, expiresAt: NOW + HOUR }, NOW);
      storage = await factory.reopen(storage);
      expect((await storage.findSessionMember(hashToken('s'), NOW))?.email).toBe(ana.email);
    });

    it('an invitation is accepted once, under its own e-mail and role', async () => {
      const ana = member();
      await storage.addMember(ana);
      await storage.addInvitation({
        id: generateId(),
        tokenHash: hashToken('i'),
        email: 'beto@uaemex.mx',
        role: 'seguimiento',
        invitedBy: ana.id,
        createdAt: NOW,
        expiresAt: NOW + HOUR,
      });
      const beto = {
        id: generateId(),
        name: 'Beto',
        passwordHash: 'scrypt$b',
        createdAt: new Date(NOW).toISOString(),
      };
      const accepted = await storage.acceptInvitation(hashToken('i'), NOW, beto);
      expect(accepted).toEqual({
        ok: true,
        member: {
          id: beto.id,
          email: 'beto@uaemex.mx',
          name: 'Beto',
          role: 'seguimiento',
          createdAt: beto.createdAt,
        },
      });
      expect((await storage.findMemberByEmail('beto@uaemex.mx'))?.passwordHash).toBe('scrypt$b');
      expect(await storage.acceptInvitation(hashToken('i'), NOW, { ...beto, id: generateId() })).toEqual({
        ok: false,
        reason: 'invalid',
      });
    });

    it('pending invitations are listed, the newest first, and a revoked one opens nothing', async () => {
      const ana = member();
      await storage.addMember(ana);
      const invite = async (email: string, token: string, createdAt: number, expiresAt = NOW + HOUR) => {
        const id = generateId();
        await storage.addInvitation({
          id,
          tokenHash: hashToken(token),
          email,
          role: 'stl',
          invitedBy: ana.id,
          createdAt,
          expiresAt,
        });
        return id;
      };
      // Made in the other order than their times: the newest first means the caller's times.
      const second = await invite('dos@x.mx', 'i2', NOW - 1000);
      const first = await invite('uno@x.mx', 'i1', NOW - 2000);
      await invite('vencida@x.mx', 'i3', NOW - HOUR, NOW);
      const pending = await storage.listPendingInvitations(NOW);
      expect(pending.map((i) => [i.id, i.email, i.invitedBy])).toEqual([
        [second, 'dos@x.mx', 'Ana'],
        [first, 'uno@x.mx', 'Ana'],
      ]);
      expect(pending[0]!.expiresAt).toBe(new Date(NOW + HOUR).toISOString());
      expect(pending[0]!.createdAt).toBe(new Date(NOW - 1000).toISOString());

      expect(await storage.revokeInvitation(first, NOW, ana.id)).toBe(true);
      expect(await storage.revokeInvitation(first, NOW, ana.id)).toBe(false);
      const uno = { id: generateId(), name: 'Uno', passwordHash: 'h', createdAt: new Date(NOW).toISOString() };
      expect(await storage.acceptInvitation(hashToken('i1'), NOW, uno)).toEqual({ ok: false, reason: 'invalid' });
      const dos = { ...uno, id: generateId(), name: 'Dos' };
      expect((await storage.acceptInvitation(hashToken('i2'), NOW, dos)).ok).toBe(true);
      expect(await storage.revokeInvitation(second, NOW, null)).toBe(false);
      expect(await storage.listPendingInvitations(NOW)).toEqual([]);
    });

    it('an expired or unknown invitation is refused and adds no one', async () => {
      const ana = member();
      await storage.addMember(ana);
      await storage.addInvitation({
        id: generateId(),
        tokenHash: hashToken('i'),
        email: 'c@x.mx',
        role: 'stl',
        invitedBy: ana.id,
        createdAt: NOW - HOUR,
        expiresAt: NOW,
      });
      const carla = { id: generateId(), name: 'Carla', passwordHash: 'h', createdAt: new Date(NOW).toISOString() };
      expect(await storage.acceptInvitation(hashToken('i'), NOW, carla)).toEqual({ ok: false, reason: 'invalid' });
      expect(await storage.acceptInvitation(hashToken('nada'), NOW - HOUR, carla)).toEqual({
        ok: false,
        reason: 'invalid',
      });
      expect(await storage.findMemberByEmail('c@x.mx')).toBeNull();
    });

    it('an invitation to an e-mail that has an account meanwhile is refused', async () => {
      const ana = member();
      await storage.addMember(ana);
      await storage.addInvitation({
        id: generateId(),
        tokenHash: hashToken('i'),
        email: 'd@x.mx',
        role: 'stl',
        invitedBy: ana.id,
        createdAt: NOW,
        expiresAt: NOW + HOUR,
      });
      await storage.addMember(member({ id: generateId(), email: 'd@x.mx' }));
      const dora = { id: generateId(), name: 'Dora', passwordHash: 'h', createdAt: new Date(NOW).toISOString() };
      expect(await storage.acceptInvitation(hashToken('i'), NOW, dora)).toEqual({ ok: false, reason: 'email_taken' });
    });
  });
  describe(`storage contract: ${name}, review and follow-up`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await factory.create();
    });
    afterEach(async () => {
      await storage.close();
      await factory.dispose();
    });

    const stage: VersionStage = { status: 'finished', number: 7, name: 'Formulación definitiva del compromiso' };

    /** A mesa with `count` saved versions. */
    async function mesaWithVersions(count: number, overrides: Partial<Mesa> = {}): Promise<Mesa> {
      const m = mesa(overrides);
      await storage.createMesa(m, []);
      for (let i = 0; i < count; i++) {
        await storage.addCommitmentVersion(m.id, {
          savedAt: AT,
          stage,
          contentHash: String(i).repeat(64),
          commitment: { ...seed004Commitment, mesaId: m.id },
        });
      }
      return m;
    }

    const by = (memberId: string | null, from: ReviewStatus, to: ReviewStatus) => ({ from, to, memberId, at: AT });

    async function moveThrough(m: Mesa, number: number, statuses: ReviewStatus[]): Promise<void> {
      let from: ReviewStatus = 'borrador';
      for (const to of statuses) {
        expect(await storage.setReviewStatus(m.id, number, by(null, from, to))).toMatchObject({ ok: true });
        from = to;
      }
    }

    it('a saved version is a draft until moved, and moves only from the status it is in', async () => {
      const m = await mesaWithVersions(1);
      expect((await storage.getCommitmentVersion(m.id, 1))?.status).toBe('borrador');
      expect(await storage.setReviewStatus(m.id, 1, by(null, 'en_revision', 'aprobado'))).toEqual({
        ok: false,
        reason: 'stale',
      });
      expect(await storage.setReviewStatus(m.id, 2, by(null, 'borrador', 'en_revision'))).toEqual({
        ok: false,
        reason: 'not_found',
      });
      expect(await storage.setReviewStatus(m.id, 1, by(null, 'borrador', 'en_revision'))).toEqual({
        ok: true,
        withdrawn: [],
      });
      expect((await storage.listCommitmentVersions(m.id)).map((v) => v.status)).toEqual(['en_revision']);
      expect(await storage.listReviewEvents(m.id, 1)).toEqual([
        { from: 'borrador', to: 'en_revision', memberName: null, at: AT },
      ]);
    });

    it('every move is recorded with the member’s name, and survives a reopen', async () => {
      const ana = { id: generateId(), email: 'ana@infoem.org.mx', name: 'Ana', role: 'stl' as const };
      await storage.addMember({ ...ana, passwordHash: 'h', createdAt: AT });
      const m = await mesaWithVersions(1);
      await storage.setReviewStatus(m.id, 1, by(ana.id, 'borrador', 'en_revision'));
      storage = await factory.reopen(storage);
      expect((await storage.getCommitmentVersion(m.id, 1))?.status).toBe('en_revision');
      expect((await storage.listReviewEvents(m.id, 1)).map((e) => e.memberName)).toEqual(['Ana']);
    });

    it('publishing refuses while a newer version is approved, and withdraws the mesa’s older publication', async () => {
      const m = await mesaWithVersions(3);
      await moveThrough(m, 1, ['en_revision', 'aprobado', 'publicado']);
      await moveThrough(m, 2, ['en_revision', 'aprobado']);
      await moveThrough(m, 3, ['en_revision', 'aprobado']);
      expect(await storage.setReviewStatus(m.id, 2, by(null, 'aprobado', 'publicado'))).toEqual({
        ok: false,
        reason: 'not_newest',
      });
      expect(await storage.setReviewStatus(m.id, 3, by(null, 'aprobado', 'publicado'))).toEqual({
        ok: true,
        withdrawn: [1],
      });
      expect((await storage.listCommitmentVersions(m.id)).map((v) => v.status)).toEqual([
        'publicado',
        'aprobado',
        'aprobado',
      ]);
      expect((await storage.listReviewEvents(m.id, 1)).at(-1)).toMatchObject({ from: 'publicado', to: 'aprobado' });
      expect((await storage.listPublications()).filter((p) => p.mesaId === m.id)).toEqual([
        { mesaId: m.id, number: 3, publishedAt: AT },
      ]);
    });

    it('the inbox lists every version with its mesa, filtered, counting observations', async () => {
      const a = await mesaWithVersions(2, { title: 'A', theme: 'movilidad' });
      const b = await mesaWithVersions(1, { title: 'B', theme: 'seguridad' });
      await moveThrough(a, 2, ['en_revision']);
      await storage.addObservation({
        id: generateId(),
        mesaId: a.id,
        versionNumber: 2,
        path: 'problem',
        text: 'Precisar.',
        memberId: null,
        createdAt: AT,
      });
      const all = await storage.listReviewVersions({});
      expect(all.map((v) => `${v.mesaTitle} ${v.number}`).sort()).toEqual(['A 1', 'A 2', 'B 1']);
      expect(all.find((v) => v.mesaId === a.id && v.number === 2)).toMatchObject({
        theme: 'movilidad',
        status: 'en_revision',
        observationCount: 1,
        stage,
      });
      expect((await storage.listReviewVersions({ theme: 'seguridad' })).map((v) => v.mesaId)).toEqual([b.id]);
      expect((await storage.listReviewVersions({ mesaId: a.id, status: 'borrador' })).map((v) => v.number)).toEqual([
        1,
      ]);
    });

    it('observations list per mesa or version, oldest first, with their author’s name', async () => {
      const beto = { id: generateId(), email: 'beto@infoem.org.mx', name: 'Beto', role: 'stl' as const };
      await storage.addMember({ ...beto, passwordHash: 'h', createdAt: AT });
      const m = await mesaWithVersions(2);
      const note = (versionNumber: number, text: string, memberId: string | null, createdAt: string) =>
        storage.addObservation({
          id: generateId(),
          mesaId: m.id,
          versionNumber,
          path: '',
          text,
          memberId,
          createdAt,
        });
      await note(1, 'Primera', beto.id, '2026-12-01T10:00:00.000Z');
      await note(2, 'Segunda', null, '2026-12-01T11:00:00.000Z');
      expect((await storage.listObservations(m.id)).map((o) => [o.versionNumber, o.text, o.authorName])).toEqual([
        [1, 'Primera', 'Beto'],
        [2, 'Segunda', null],
      ]);
      expect((await storage.listObservations(m.id, 2)).map((o) => o.text)).toEqual(['Segunda']);
      expect(await storage.listObservations(mesa().id)).toEqual([]);
    });

    it('the mesa’s response to an observation replaces the previous one, and only its own mesa can give it', async () => {
      const m = await mesaWithVersions(1);
      const other = await mesaWithVersions(1);
      const id = generateId();
      await storage.addObservation({
        id,
        mesaId: m.id,
        versionNumber: 1,
        path: 'problem',
        text: 'Precisar.',
        memberId: null,
        createdAt: AT,
      });
      expect((await storage.listObservations(m.id))[0]!.response).toBeNull();
      const first = { text: 'Lo precisamos en la versión 2.', attended: false, at: '2026-12-01T12:00:00.000Z' };
      expect((await storage.respondToObservation(m.id, id, first))?.response).toEqual(first);
      const second = { text: '', attended: true, at: '2026-12-01T13:00:00.000Z' };
      expect(await storage.respondToObservation(m.id, id, second)).toMatchObject({
        id,
        text: 'Precisar.',
        response: second,
      });
      expect((await storage.listObservations(m.id)).map((o) => o.response)).toEqual([second]);
      expect(await storage.respondToObservation(other.id, id, first)).toBeNull();
      expect(await storage.respondToObservation(m.id, generateId(), first)).toBeNull();
      expect((await storage.listObservations(m.id))[0]!.response).toEqual(second);
    });

    const link = (title: string): PublicEvidence => ({ kind: 'link', title, url: `https://infoem.org.mx/${title}` });

    it('an activity’s newest progress is its current one', async () => {
      const m = await mesaWithVersions(1);
      const record = (activityId: string, level: 'limitado' | 'completo', at: string) =>
        storage.recordActivityProgress({
          mesaId: m.id,
          activityId,
          level,
          evidence: [{ kind: 'link', title: level, url: `https://infoem.org.mx/${level}` }],
          note: '',
          memberId: null,
          at,
        });
      await record('la1-a1', 'limitado', '2026-12-01T10:00:00.000Z');
      await record('la1-a2', 'limitado', '2026-12-01T10:30:00.000Z');
      await record('la1-a1', 'completo', '2026-12-02T10:00:00.000Z');
      storage = await factory.reopen(storage);
      const current = await storage.listActivityProgress(m.id);
      expect(current.map((p) => [p.activityId, p.level, p.evidence, p.updatedAt]).sort()).toEqual([
        ['la1-a1', 'completo', [link('completo')], '2026-12-02T10:00:00.000Z'],
        ['la1-a2', 'limitado', [link('limitado')], '2026-12-01T10:30:00.000Z'],
      ]);
    });

    it('an evidence file keeps its bytes and says whose activity it is; progress cites it as published', async () => {
      const m = await mesaWithVersions(1);
      const bytes = new Uint8Array(256 * 1024).map((_, i) => (i * 7) % 256);
      const file = {
        id: generateId(),
        fileName: 'acta.pdf',
        mediaType: 'application/pdf' as const,
        size: bytes.length,
      };
      await storage.addEvidenceFile({
        file,
        data: bytes,
        mesaId: m.id,
        activityId: 'la2-a1',
        memberId: null,
        createdAt: '2026-12-03T10:00:00.000Z',
      });
      const cited = fileEvidence('Acta de la sesión', file);
      await storage.recordActivityProgress({
        mesaId: m.id,
        activityId: 'la2-a1',
        level: 'sustancial',
        evidence: [link('sustancial'), cited],
        note: '',
        memberId: null,
        at: '2026-12-03T10:05:00.000Z',
      });
      storage = await factory.reopen(storage);
      expect(await storage.getEvidenceFileInfo(file.id)).toEqual({
        mesaId: m.id,
        activityId: 'la2-a1',
        createdAt: '2026-12-03T10:00:00.000Z',
        file,
      });
      expect(Buffer.from((await storage.getEvidenceFileData(file.id))!).equals(Buffer.from(bytes))).toBe(true);
      expect((await storage.listActivityProgress(m.id))[0]!.evidence).toEqual([link('sustancial'), cited]);
      expect(await storage.getEvidenceFileInfo(generateId())).toBeNull();
      expect(await storage.getEvidenceFileData(generateId())).toBeNull();
    });
  });
  describe(`storage contract: ${name}, dot votes`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await factory.create();
    });
    afterEach(async () => {
      await storage.close();
      await factory.dispose();
    });

    const person = (id: string) => ({
      id,
      role: 'participant' as const,
      name: `Persona ${id}`,
      sector: 'academia' as const,
      organization: 'UAEMéx',
      color: '#1f77b4',
    });

    /** Participant ids are unique across mesas. */
    const seat = (m: Mesa, i: number) => `${m.id}-p${i}`;

    /** A mesa with `people` joined (`seat(m, 0)`, …) and one open vote. */
    async function mesaVoting(people: number, settings: { votesPerPerson: number; allowSeveral: boolean }) {
      const m = mesa();
      await storage.createMesa(m, []);
      for (let i = 0; i < people; i++)
        await storage.addParticipant(m.id, person(seat(m, i)), hashToken(seat(m, i)), AT);
      const id = generateId();
      expect(await storage.openVote({ id, mesaId: m.id, target: 'causa', openedAt: AT, ...settings })).toBe(true);
      return { m, id };
    }

    const rankByCount = (counts: ReadonlyMap<string, number>) =>
      [...counts].sort((a, b) => b[1] - a[1]).map(([itemId, count], i) => ({ itemId, label: '', count, rank: i + 1 }));

    it('a mesa has one open vote at a time, and its current vote is the open one, else the latest', async () => {
      const { m, id } = await mesaVoting(0, { votesPerPerson: 3, allowSeveral: false });
      const second = {
        id: generateId(),
        mesaId: m.id,
        target: 'linea' as const,
        votesPerPerson: 1,
        allowSeveral: true,
      };
      expect(await storage.openVote({ ...second, openedAt: AT })).toBe(false);
      expect(await storage.currentVote(m.id)).toMatchObject({ id, closedAt: null, voters: 0 });
      await storage.closeVote(m.id, id, AT, rankByCount);
      expect(await storage.openVote({ ...second, openedAt: '2026-12-01T18:05:00.000Z' })).toBe(true);
      expect((await storage.currentVote(m.id))?.id).toBe(second.id);
      expect(await storage.currentVote(mesa().id)).toBeNull();
    });

    it('a seat puts at most its count of dots, one per item unless several are allowed, and takes back only its own', async () => {
      const { m, id } = await mesaVoting(2, { votesPerPerson: 2, allowSeveral: false });
      const [p0, p1] = [seat(m, 0), seat(m, 1)];
      expect(await storage.castBallot(id, p0, 'a', 1)).toMatchObject({ ok: true, ballot: { a: 1 } });
      expect(await storage.castBallot(id, p0, 'a', 1)).toMatchObject({ ok: false, reason: 'one_per_item' });
      expect(await storage.castBallot(id, p0, 'b', 1)).toMatchObject({ ok: true, vote: { voters: 1, dots: 2 } });
      expect(await storage.castBallot(id, p0, 'c', 1)).toEqual({
        ok: false,
        reason: 'no_votes_left',
        ballot: { a: 1, b: 1 },
      });
      expect(await storage.castBallot(id, p1, 'c', -1)).toMatchObject({ ok: false, reason: 'none_to_remove' });
      expect(await storage.castBallot(id, p0, 'a', -1)).toMatchObject({ ok: true, ballot: { b: 1 } });
      expect(await storage.castBallot(id, p0, 'c', 1)).toMatchObject({ ok: true, ballot: { b: 1, c: 1 } });
      expect(await storage.seatBallot(id, p0)).toEqual({ b: 1, c: 1 });
      expect(await storage.seatBallot(id, p1)).toEqual({});

      const several = await mesaVoting(1, { votesPerPerson: 3, allowSeveral: true });
      for (let i = 0; i < 3; i++)
        expect((await storage.castBallot(several.id, seat(several.m, 0), 'a', 1)).ok).toBe(true);
      expect(await storage.castBallot(several.id, seat(several.m, 0), 'a', 1)).toMatchObject({
        ok: false,
        reason: 'no_votes_left',
      });
      expect(await storage.seatBallot(several.id, seat(several.m, 0))).toEqual({ a: 3 });
    });

    it('ballots racing on one vote are all counted, and none beyond a seat’s count', async () => {
      const { m, id } = await mesaVoting(25, { votesPerPerson: 2, allowSeveral: true });
      // Each of 25 people sends three dots at once: two are stored, the third refused.
      const results = await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          [0, 1, 2].map(() => storage.castBallot(id, seat(m, i), `n${i % 3}`, 1)),
        ).flat(),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(50);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(25).fill('no_votes_left'));
      const closed = await storage.closeVote(m.id, id, AT, rankByCount);
      expect(closed).toMatchObject({ voters: 25, dots: 50, closedAt: AT });
      expect(new Map(closed!.results!.map((r) => [r.itemId, r.count]))).toEqual(
        new Map([
          ['n0', 18],
          ['n1', 16],
          ['n2', 16],
        ]),
      );
    });

    it('closing keeps the counts, forgets who voted, refuses later ballots, and happens once', async () => {
      const { m, id } = await mesaVoting(2, { votesPerPerson: 1, allowSeveral: false });
      const [p0, p1] = [seat(m, 0), seat(m, 1)];
      await storage.castBallot(id, p0, 'a', 1);
      await storage.castBallot(id, p1, 'a', 1);
      expect(await storage.closeVote(mesa().id, id, AT, rankByCount)).toBeNull();
      const closed = await storage.closeVote(m.id, id, AT, rankByCount);
      expect(closed?.results).toEqual([{ itemId: 'a', label: '', count: 2, rank: 1 }]);
      expect(await storage.seatBallot(id, p0)).toEqual({});
      expect(await storage.castBallot(id, p0, 'b', 1)).toMatchObject({ ok: false, reason: 'closed' });
      const again = await storage.closeVote(m.id, id, '2026-12-02T00:00:00.000Z', () => []);
      expect(again).toMatchObject({ closedAt: AT, results: closed?.results, revision: closed?.revision });
      storage = await factory.reopen(storage);
      expect(await storage.currentVote(m.id)).toEqual(closed);
    });

    it('a saved version records the votes closed since the version before, and only those', async () => {
      const { m, id } = await mesaVoting(1, { votesPerPerson: 1, allowSeveral: false });
      const p0 = seat(m, 0);
      const save = () =>
        storage.addCommitmentVersion(m.id, {
          savedAt: AT,
          stage: { status: 'running', number: 4, name: 'Etapa 4' },
          contentHash: 'a'.repeat(64),
          commitment: { ...seed004Commitment, mesaId: m.id },
        });
      expect((await save()).votes).toEqual([]);
      await storage.castBallot(id, p0, 'a', 1);
      await storage.closeVote(m.id, id, AT, rankByCount);
      const second = await save();
      const recorded = {
        target: 'causa',
        votesPerPerson: 1,
        allowSeveral: false,
        closedAt: AT,
        voters: 1,
        results: [{ itemId: 'a', label: '', count: 1, rank: 1 }],
      };
      expect(second.votes).toEqual([recorded]);
      expect((await save()).votes).toEqual([]);
      storage = await factory.reopen(storage);
      expect((await storage.getCommitmentVersion(m.id, 2))?.votes).toEqual([recorded]);
      expect((await storage.getCommitmentVersion(m.id, 1))?.votes).toEqual([]);
    });
  });
}
