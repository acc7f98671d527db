import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyCommand,
  createDefaultAgenda,
  fileEvidence,
  initialAgendaState,
  type Mesa,
  type ReviewStatus,
} from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { hashToken } from '../../src/auth/tokens';
import { copySqliteToPostgres } from '../../src/storage/copyToPostgres';
import { PostgresStorage } from '../../src/storage/postgres/PostgresStorage';
import { SqliteStorage } from '../../src/storage/sqlite/SqliteStorage';
import type { Storage } from '../../src/storage/Storage';
import { createTestSchema, type TestSchema } from '../support/postgres';

const NOW = 1_790_000_000_000;
const HOUR = 3_600_000;
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

let dir = '';
let schema: TestSchema | undefined;
const open: Storage[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await schema?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** An installation as the server leaves one: two mesas with people, agendas, versions under review, accounts, docs. */
async function fill(storage: Storage): Promise<{ mesas: Mesa[]; lastSeq: number }> {
  const mesas: Mesa[] = ['a', 'b'].map((k, i) => ({
    id: `mesa-${k}-0000000000`.slice(0, 16),
    title: `Mesa ${k}`,
    theme: i ? 'seguridad' : 'movilidad',
    date: `2026-11-2${i}`,
    createdAt: at(i),
    closedAt: i ? at(90) : null,
    // The second is a compromiso proactivo, so that its kind and phase are copied too.
    kind: i ? 'proactivo' : 'mesa',
    phase: i ? 3 : null,
  }));
  for (const m of mesas) {
    await storage.createMesa(m, [
      { role: 'facilitator', tokenHash: hashToken(`${m.id}-f`) },
      { role: 'participant', tokenHash: hashToken(`${m.id}-p`) },
    ]);
  }
  const [a, b] = mesas as [Mesa, Mesa];
  const person = { role: 'participant' as const, organization: 'Org', color: '#1f77b4' };
  await storage.addParticipant(a.id, { ...person, id: 'p1', name: 'Ana', sector: 'academia' }, hashToken('s1'), at(5));
  await storage.addParticipant(a.id, { ...person, id: 'p2', name: 'Beto', sector: 'otro' }, hashToken('s2'), at(6));
  await storage.addParticipant(b.id, { ...person, id: 'p3', name: 'Cruz', sector: 'otro' }, hashToken('s3'), at(7));
  const agenda = createDefaultAgenda(a.date);
  const started = applyCommand(agenda, initialAgendaState(), { type: 'start' }, NOW);
  if (!started.ok) throw new Error(started.error);
  await storage.saveAgenda(
    a.id,
    { agenda, state: started.state, overrides: { tree: 'open', commitment: null } },
    at(8),
  );

  // Accounts: Beto's access taken away by Ana; sessions, invitations (one revoked), a password link.
  const members = ['ana', 'beto', 'carla'].map((name, i) => ({
    id: `member-${name}`,
    email: `${name}@infoem.org.mx`,
    name,
    role: i === 2 ? ('seguimiento' as const) : ('stl' as const),
    passwordHash: `scrypt$${name}`,
    createdAt: at(i),
  }));
  for (const m of members) await storage.addMember(m);
  await storage.addSession({ tokenHash: hashToken('sesion-ana'), memberId: 'member-ana', expiresAt: NOW + HOUR }, NOW);
  await storage.updateMember('member-beto', { disabledAt: at(30), by: 'member-ana' });
  const invite = (id: string, createdAt: number) =>
    storage.addInvitation({
      id,
      tokenHash: hashToken(id),
      email: `${id}@x.mx`,
      role: 'stl',
      invitedBy: 'member-ana',
      createdAt,
      expiresAt: NOW + HOUR,
    });
  await invite('inv-1', NOW - 2);
  await invite('inv-2', NOW - 1);
  await storage.revokeInvitation('inv-1', NOW, 'member-ana');
  await storage.addPasswordReset({
    tokenHash: hashToken('reset'),
    memberId: 'member-carla',
    createdBy: 'member-ana',
    createdAt: NOW,
    expiresAt: NOW + HOUR,
  });

  // Versions, reviewed and published; observations; follow-up.
  for (let i = 0; i < 2; i++) {
    await storage.addCommitmentVersion(a.id, {
      savedAt: at(40 + i),
      stage: { status: 'finished', number: 7, name: 'Formulación definitiva del compromiso' },
      contentHash: String(i).repeat(64),
      commitment: { ...seed004Commitment, mesaId: a.id },
    });
  }
  let from: ReviewStatus = 'borrador';
  for (const to of ['en_revision', 'aprobado', 'publicado'] as const) {
    await storage.setReviewStatus(a.id, 2, { from, to, memberId: 'member-ana', at: at(50) });
    from = to;
  }
  await storage.addObservation({
    id: 'obs-1',
    mesaId: a.id,
    versionNumber: 1,
    path: 'problem',
    text: 'Precisar.',
    memberId: 'member-ana',
    createdAt: at(45),
  });
  await storage.addObservation({
    id: 'obs-0',
    mesaId: a.id,
    versionNumber: 2,
    path: '',
    text: 'Bien.',
    memberId: null,
    createdAt: at(45),
  });
  await storage.addEvidenceFile({
    file: { id: 'actaFirmada12345', fileName: 'acta.pdf', mediaType: 'application/pdf', size: 9 },
    data: new TextEncoder().encode('%PDF-1.7\n'),
    mesaId: a.id,
    activityId: 'la1-a1',
    memberId: 'member-carla',
    createdAt: at(59),
  });
  await storage.recordActivityProgress({
    mesaId: a.id,
    activityId: 'la1-a1',
    level: 'limitado',
    evidence: [{ kind: 'link', title: 'Minuta', url: 'https://infoem.org.mx/a' }],
    note: '',
    memberId: 'member-carla',
    at: at(60),
  });
  await storage.recordActivityProgress({
    mesaId: a.id,
    activityId: 'la1-a1',
    level: 'completo',
    evidence: [
      fileEvidence('Acta firmada', {
        id: 'actaFirmada12345',
        fileName: 'acta.pdf',
        mediaType: 'application/pdf',
        size: 9,
      }),
    ],
    note: 'Hecho.',
    memberId: null,
    at: at(61),
  });

  // Docs: room a compacted, then edited more; room b only a log.
  const doc = new Y.Doc();
  let lastSeq = 0;
  for (let i = 0; i < 5; i++) {
    doc.getArray<number>('a').push([i]);
    lastSeq = await storage.appendUpdate(a.id, Y.encodeStateAsUpdate(doc));
    if (i === 2) await storage.compact(a.id, Y.encodeStateAsUpdate(doc), lastSeq);
  }
  await storage.appendUpdate(b.id, new Uint8Array(Y.encodeStateAsUpdate(new Y.Doc())));
  return { mesas, lastSeq };
}

/** Everything the storage answers about the installation `fill` made. */
async function readAll(storage: Storage, mesas: Mesa[]): Promise<unknown> {
  const perMesa = await Promise.all(
    mesas.map(async (m) => ({
      mesa: await storage.getMesa(m.id),
      facilitator: await storage.findRole(m.id, hashToken(`${m.id}-f`)),
      participants: await storage.listParticipants(m.id),
      seat: await storage.findParticipant(m.id, hashToken('s1')),
      agenda: await storage.loadAgenda(m.id),
      versions: await storage.listCommitmentVersions(m.id),
      version2: await storage.getCommitmentVersion(m.id, 2),
      events: await storage.listReviewEvents(m.id, 2),
      observations: await storage.listObservations(m.id),
      progress: await storage.listActivityProgress(m.id),
      evidenceFile: await storage.getEvidenceFileInfo('actaFirmada12345'),
      evidenceData: await storage.getEvidenceFileData('actaFirmada12345'),
      doc: await storage.loadDoc(m.id),
    })),
  );
  return {
    perMesa,
    mesas: await storage.listMesas(),
    counts: (await storage.countParticipants()).sort((x, y) => x.mesaId.localeCompare(y.mesaId)),
    members: await storage.listMembers(),
    beto: await storage.findMemberByEmail('BETO@infoem.org.mx'),
    session: await storage.findSessionMember(hashToken('sesion-ana'), NOW),
    invitations: await storage.listPendingInvitations(NOW),
    inbox: await storage.listReviewVersions({}),
    publications: await storage.listPublications(),
  };
}

it('a SQLite installation copied to PostgreSQL reads back the same through PostgresStorage', async () => {
  dir = mkdtempSync(join(tmpdir(), 'cocrea-copy-'));
  const file = join(dir, 'cocrea.sqlite');
  const sqlite = new SqliteStorage(file);
  const { mesas, lastSeq } = await fill(sqlite);
  const before = await readAll(sqlite, mesas);
  await sqlite.close();

  schema = await createTestSchema();
  const report = await copySqliteToPostgres(file, schema.url);
  expect(report).toMatchObject({ mesas: 2, participants: 3, stl_members: 3, commitment_versions: 2, doc_updates: 3 });

  const postgres = await PostgresStorage.open(schema.url, { max: 2 });
  open.push(postgres);
  expect(await readAll(postgres, mesas)).toEqual(before);
  // The copy goes on where SQLite left off: numbers above the copied ones, and a password link still works once.
  expect(await postgres.appendUpdate(mesas[0]!.id, new Uint8Array(Y.encodeStateAsUpdate(new Y.Doc())))).toBe(
    lastSeq + 1,
  );
  expect((await postgres.resetPassword(hashToken('reset'), NOW, 'scrypt$nueva'))?.id).toBe('member-carla');
  await postgres.recordActivityProgress({
    mesaId: mesas[0]!.id,
    activityId: 'la1-a1',
    level: 'limitado',
    evidence: [],
    note: 'Después de la copia.',
    memberId: null,
    at: at(62),
  });
  expect((await postgres.listActivityProgress(mesas[0]!.id))[0]?.note).toBe('Después de la copia.');
});

it('a copy into a database that already holds Cocrea data copies nothing', async () => {
  dir = mkdtempSync(join(tmpdir(), 'cocrea-copy-'));
  const file = join(dir, 'cocrea.sqlite');
  const sqlite = new SqliteStorage(file);
  const { mesas } = await fill(sqlite);
  await sqlite.close();
  schema = await createTestSchema();
  await copySqliteToPostgres(file, schema.url);
  await expect(copySqliteToPostgres(file, schema.url)).rejects.toThrow(/ya tiene datos/);
  const postgres = await PostgresStorage.open(schema.url, { max: 2 });
  open.push(postgres);
  expect(await postgres.listMesas()).toHaveLength(mesas.length);
});
