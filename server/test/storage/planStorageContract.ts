import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDefaultAgenda,
  initialAgendaState,
  type CocreationEvent,
  type KitItem,
  type Mesa,
  type OwnRegistration,
  type Participant,
  type Plan,
} from '@cocrea/shared';
import { generateId, hashToken } from '../../src/auth/tokens';
import type { NewTableMesa, StoredSeating } from '../../src/storage/PlanStore';
import type { Storage } from '../../src/storage/Storage';
import type { StorageFactory } from './storageContract';

const AT = '2026-12-01T18:00:00.000Z';

function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    id: generateId(),
    title: 'Primer Plan de Acción Local',
    period: '2026–2028',
    entity: 'Estado de México',
    privacyNotice: 'Aviso de privacidad de prueba, con más de veinte caracteres.',
    createdAt: AT,
    ...overrides,
  };
}

function event(planId: string, overrides: Partial<CocreationEvent> = {}): CocreationEvent {
  return {
    id: generateId(),
    planId,
    title: 'Evento de movilidad',
    theme: 'movilidad',
    date: '2026-12-10',
    startTime: '09:30',
    modality: 'mixta',
    place: 'Palacio Municipal de Toluca',
    videoLink: 'https://meet.example.mx/movilidad',
    tableSize: { minSize: 5, maxSize: 10 },
    agenda: null,
    registrationOpensAt: '2026-12-01T00:00:00.000Z',
    registrationClosesAt: '2026-12-09T00:00:00.000Z',
    capacity: null,
    access: 'open',
    createdAt: AT,
    ...overrides,
  };
}

function registration(eventId: string, n: number, overrides: Partial<OwnRegistration> = {}): OwnRegistration {
  return {
    id: generateId(),
    eventId,
    name: `Persona ${n}`,
    sector: 'academia',
    organization: 'UAEMéx',
    email: null,
    registeredAt: new Date(Date.parse(AT) + n * 1000).toISOString(),
    ...overrides,
  };
}

function tableMesa(n: number): NewTableMesa {
  const mesa: Mesa = {
    id: generateId(),
    title: `Evento — Mesa ${n}`,
    theme: 'movilidad',
    date: '2026-12-10',
    createdAt: AT,
    closedAt: null,
    kind: 'mesa',
    phase: null,
  };
  const agenda = createDefaultAgenda(mesa.date);
  return {
    mesa,
    capabilities: [{ role: 'facilitator', tokenHash: hashToken(`${mesa.id}-f`) }],
    agenda: { agenda, state: initialAgendaState(), overrides: { tree: null, commitment: null } },
  };
}

function participant(name: string, role: Participant['role'] = 'participant'): Participant {
  return { id: generateId(), role, name, sector: 'academia', organization: 'UAEMéx', color: '#1f77b4' };
}

/** The plan store's rules, for every backend: SQLite and PostgreSQL run this same suite. */
export function planStorageContract(name: string, factory: StorageFactory): void {
  describe(`plan storage contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await factory.create();
    });
    afterEach(async () => {
      await storage.close();
      await factory.dispose();
    });

    it('a plan reads back as created, plans list newest first, and a change sets only the fields it names', async () => {
      const older = plan({ createdAt: '2026-01-01T00:00:00.000Z' });
      const newer = plan({ title: 'Segundo plan', createdAt: '2026-06-01T00:00:00.000Z' });
      await storage.createPlan(older);
      await storage.createPlan(newer);
      expect(await storage.getPlan(older.id)).toEqual(older);
      expect((await storage.listPlans()).map((p) => p.id)).toEqual([newer.id, older.id]);
      const changed = await storage.updatePlan(older.id, { period: '2027–2029' });
      expect(changed).toEqual({ ...older, period: '2027–2029' });
      expect(await storage.updatePlan(generateId(), { title: 'Nadie' })).toBeNull();
      expect(await storage.getPlan(generateId())).toBeNull();
    });

    it('a mesa filed in a plan lists under that plan only', async () => {
      const a = plan();
      const b = plan();
      await storage.createPlan(a);
      await storage.createPlan(b);
      const m = tableMesa(1).mesa;
      await storage.createMesa(m, []);
      expect(await storage.getMesaPlanId(m.id)).toBeNull();
      await storage.setMesaPlan(m.id, a.id);
      expect(await storage.getMesaPlanId(m.id)).toBe(a.id);
      expect((await storage.listPlanMesas(a.id)).map((x) => x.id)).toEqual([m.id]);
      expect(await storage.listPlanMesas(b.id)).toEqual([]);
    });

    it('an event reads back as created, agenda included, lists by date, and a change replaces its fields', async () => {
      const p = plan();
      await storage.createPlan(p);
      const late = event(p.id, { date: '2026-12-20' });
      const early = event(p.id, { agenda: { ...createDefaultAgenda('2026-12-10'), startTime: '09:30' } });
      await storage.createEvent(late, null);
      await storage.createEvent(early, null);
      expect(await storage.getEvent(early.id)).toEqual({ ...early, tablesFormedAt: null });
      expect((await storage.listEvents(p.id)).map((e) => e.id)).toEqual([early.id, late.id]);
      const changed = { ...late, capacity: 40, tableSize: { minSize: 4, maxSize: 6 }, access: 'invitation' as const };
      await storage.updateEvent(changed);
      storage = await factory.reopen(storage);
      expect(await storage.getEvent(late.id)).toEqual({ ...changed, tablesFormedAt: null });
    });

    it('an event’s invitation secret checks only while it is the current one', async () => {
      const p = plan();
      await storage.createPlan(p);
      const e = event(p.id, { access: 'invitation' });
      await storage.createEvent(e, hashToken('primera'));
      expect(await storage.checkEventInvitation(e.id, hashToken('primera'))).toBe(true);
      await storage.setEventInvitation(e.id, hashToken('segunda'));
      expect(await storage.checkEventInvitation(e.id, hashToken('primera'))).toBe(false);
      expect(await storage.checkEventInvitation(e.id, hashToken('segunda'))).toBe(true);
      const open = event(p.id);
      await storage.createEvent(open, null);
      expect(await storage.checkEventInvitation(open.id, hashToken('segunda'))).toBe(false);
    });

    it('registrations stop at the capacity, even when they race', async () => {
      const p = plan();
      await storage.createPlan(p);
      const e = event(p.id, { capacity: 5 });
      await storage.createEvent(e, null);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, n) => storage.addRegistration(registration(e.id, n), hashToken(`t${n}`), 5)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      expect(results.filter((r) => !r.ok && r.reason === 'full')).toHaveLength(7);
      expect(await storage.countRegistrations(e.id)).toBe(5);
    });

    it('an e-mail registers once per event; another event, or no e-mail, is no bar', async () => {
      const p = plan();
      await storage.createPlan(p);
      const e = event(p.id);
      const other = event(p.id);
      await storage.createEvent(e, null);
      await storage.createEvent(other, null);
      const email = 'ana@uaemex.mx';
      expect(await storage.addRegistration(registration(e.id, 1, { email }), hashToken('a'), null)).toEqual({
        ok: true,
      });
      expect(await storage.addRegistration(registration(e.id, 2, { email }), hashToken('b'), null)).toEqual({
        ok: false,
        reason: 'email_taken',
      });
      expect(await storage.addRegistration(registration(other.id, 3, { email }), hashToken('c'), null)).toEqual({
        ok: true,
      });
      for (const n of [4, 5]) {
        expect((await storage.addRegistration(registration(e.id, n), hashToken(`n${n}`), null)).ok).toBe(true);
      }
      expect((await storage.listRegistrations(e.id)).map((r) => r.name)).toEqual([
        'Persona 1',
        'Persona 4',
        'Persona 5',
      ]);
    });

    it('a registration is found by its own token’s hash, and a check-in is set and cleared', async () => {
      const p = plan();
      await storage.createPlan(p);
      const e = event(p.id);
      await storage.createEvent(e, null);
      const r = registration(e.id, 1, { email: 'beto@osc.mx' });
      await storage.addRegistration(r, hashToken('secreto'), null);
      const stored = { ...r, checkedInAt: null, enteredAt: null };
      expect(await storage.findRegistrationByToken(hashToken('secreto'))).toEqual(stored);
      expect(await storage.findRegistrationByToken(hashToken('otro'))).toBeNull();
      expect(await storage.setCheckIn(r.id, AT)).toBe(true);
      expect(await storage.getRegistration(r.id)).toEqual({ ...stored, checkedInAt: AT });
      expect(await storage.setCheckIn(r.id, null)).toBe(true);
      expect((await storage.getRegistration(r.id))?.checkedInAt).toBeNull();
      expect(await storage.setCheckIn(generateId(), AT)).toBe(false);
    });

    it('a seating reads back as saved, its new mesas in the event’s plan with their agendas; dropped tables go', async () => {
      const p = plan();
      await storage.createPlan(p);
      const e = event(p.id);
      await storage.createEvent(e, null);
      const rs = [1, 2, 3, 4].map((n) => registration(e.id, n));
      for (const r of rs) await storage.addRegistration(r, hashToken(r.id), null);
      expect(await storage.getSeating(e.id)).toEqual({ formedAt: null, tables: [], seats: [] });
      const [m1, m2] = [tableMesa(1), tableMesa(2)];
      const seating: StoredSeating = {
        formedAt: AT,
        tables: [
          { number: 1, mesaId: m1.mesa.id, facilitatorId: rs[0]!.id },
          { number: 2, mesaId: m2.mesa.id, facilitatorId: null },
        ],
        seats: [
          { registrationId: rs[2]!.id, table: 1, locked: false },
          { registrationId: rs[0]!.id, table: 1, locked: true },
          { registrationId: rs[1]!.id, table: 2, locked: false },
          { registrationId: rs[3]!.id, table: 2, locked: false },
        ],
      };
      await storage.saveSeating(e.id, seating, [m1, m2]);
      storage = await factory.reopen(storage);
      expect(await storage.getSeating(e.id)).toEqual(seating);
      expect((await storage.getEvent(e.id))?.tablesFormedAt).toBe(AT);
      expect((await storage.listPlanMesas(p.id)).map((m) => m.id).sort()).toEqual([m1.mesa.id, m2.mesa.id].sort());
      expect((await storage.loadAgenda(m1.mesa.id))?.agenda).toEqual(m1.agenda.agenda);
      expect(await storage.findRole(m1.mesa.id, hashToken(`${m1.mesa.id}-f`))).toBe('facilitator');
      expect(await storage.findTableOfMesa(m2.mesa.id)).toEqual({ eventId: e.id, number: 2 });
      expect(await storage.findTableOfMesa(generateId())).toBeNull();

      const smaller: StoredSeating = {
        formedAt: '2026-12-02T00:00:00.000Z',
        tables: [{ number: 1, mesaId: m1.mesa.id, facilitatorId: null }],
        seats: rs.map((r) => ({ registrationId: r.id, table: 1, locked: false })),
      };
      await storage.saveSeating(e.id, smaller, []);
      expect(await storage.getSeating(e.id)).toEqual(smaller);

      // Worked out from a seating that is no longer the stored one: nothing is written.
      const basis = await storage.getSeating(e.id);
      const lockFirst: StoredSeating = { ...basis, seats: basis.seats.map((s, i) => ({ ...s, locked: i === 0 })) };
      const lockLast: StoredSeating = { ...basis, seats: basis.seats.map((s, i) => ({ ...s, locked: i === 3 })) };
      expect(await storage.saveSeating(e.id, lockFirst, [], basis)).toBe(true);
      expect(await storage.saveSeating(e.id, lockLast, [], basis)).toBe(false);
      expect(await storage.getSeating(e.id)).toEqual(lockFirst);
      expect(await storage.saveSeating(e.id, lockLast, [], lockFirst)).toBe(true);
      expect(await storage.getSeating(e.id)).toEqual(lockLast);
    });

    it('a registrant’s entry grants their role on their own table’s mesa only, until a newer entry or a move', async () => {
      const p = plan();
      await storage.createPlan(p);
      const e = event(p.id);
      await storage.createEvent(e, null);
      const [ana, beto] = [registration(e.id, 1), registration(e.id, 2)];
      for (const r of [ana, beto]) await storage.addRegistration(r, hashToken(r.id), null);
      const [m1, m2] = [tableMesa(1), tableMesa(2)];
      const tables = [
        { number: 1, mesaId: m1.mesa.id, facilitatorId: ana.id },
        { number: 2, mesaId: m2.mesa.id, facilitatorId: null },
      ];
      await storage.saveSeating(
        e.id,
        {
          formedAt: AT,
          tables,
          seats: [
            { registrationId: ana.id, table: 1, locked: false },
            { registrationId: beto.id, table: 2, locked: false },
          ],
        },
        [m1, m2],
      );
      const first = participant('Persona 1', 'facilitator');
      const entered = await storage.enterMesa({
        registrationId: ana.id,
        mesaId: m1.mesa.id,
        role: 'facilitator',
        capabilityHash: hashToken('cap-1'),
        seatHash: hashToken('seat-1'),
        participant: first,
        at: AT,
      });
      expect(entered).toEqual(first);
      expect(await storage.findRole(m1.mesa.id, hashToken('cap-1'))).toBe('facilitator');
      expect(await storage.findRole(m2.mesa.id, hashToken('cap-1'))).toBeNull();
      expect(await storage.findParticipant(m1.mesa.id, hashToken('seat-1'))).toEqual(first);
      expect((await storage.getRegistration(ana.id))?.enteredAt).toBe(AT);

      // Replacing the mesa's facilitator link leaves the registrant's own entry alone.
      await storage.replaceCapability(m1.mesa.id, { role: 'facilitator', tokenHash: hashToken('nuevo-f') });
      expect(await storage.findRole(m1.mesa.id, hashToken('cap-1'))).toBe('facilitator');

      // Entering again: the same participant, fresh secrets; the earlier ones open nothing.
      const again = await storage.enterMesa({
        registrationId: ana.id,
        mesaId: m1.mesa.id,
        role: 'facilitator',
        capabilityHash: hashToken('cap-2'),
        seatHash: hashToken('seat-2'),
        participant: participant('otra'),
        at: '2026-12-10T10:00:00.000Z',
      });
      expect(again).toEqual(first);
      expect(await storage.findRole(m1.mesa.id, hashToken('cap-1'))).toBeNull();
      expect(await storage.findParticipant(m1.mesa.id, hashToken('seat-1'))).toBeNull();
      expect(await storage.findParticipant(m1.mesa.id, hashToken('seat-2'))).toEqual(first);
      expect((await storage.getRegistration(ana.id))?.enteredAt).toBe(AT);
      expect(await storage.listParticipants(m1.mesa.id)).toEqual([first]);

      // No longer the facilitator: the entry stops; moved to table 2: likewise.
      await storage.saveSeating(
        e.id,
        {
          formedAt: AT,
          tables: [{ ...tables[0]!, facilitatorId: null }, tables[1]!],
          seats: [
            { registrationId: ana.id, table: 1, locked: false },
            { registrationId: beto.id, table: 2, locked: false },
          ],
        },
        [],
      );
      expect(await storage.findRole(m1.mesa.id, hashToken('cap-2'))).toBeNull();
      await storage.enterMesa({
        registrationId: beto.id,
        mesaId: m2.mesa.id,
        role: 'participant',
        capabilityHash: hashToken('cap-b'),
        seatHash: hashToken('seat-b'),
        participant: participant('Persona 2'),
        at: AT,
      });
      expect(await storage.findRole(m2.mesa.id, hashToken('cap-b'))).toBe('participant');
      await storage.saveSeating(
        e.id,
        {
          formedAt: AT,
          tables,
          seats: [
            { registrationId: ana.id, table: 1, locked: false },
            { registrationId: beto.id, table: 1, locked: false },
          ],
        },
        [],
      );
      expect(await storage.findRole(m2.mesa.id, hashToken('cap-b'))).toBeNull();
    });

    it('a kit lists oldest first, gives a file’s bytes back, holds at most the items allowed, and deletes', async () => {
      const p = plan();
      await storage.createPlan(p);
      const e = event(p.id);
      await storage.createEvent(e, null);
      const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 255, 7]);
      const file: KitItem = {
        kind: 'file',
        id: generateId(),
        title: 'Árbol de problemas',
        createdAt: AT,
        fileName: 'arbol.pdf',
        mediaType: 'application/pdf',
        size: bytes.length,
      };
      const link: KitItem = {
        kind: 'link',
        id: generateId(),
        title: 'Metodología',
        createdAt: '2026-12-01T19:00:00.000Z',
        url: 'https://infoem.org.mx/metodologia',
      };
      expect(await storage.addKitItem({ eventId: e.id, item: file, data: bytes }, 2)).toBe(true);
      expect(await storage.addKitItem({ eventId: e.id, item: link, data: null }, 2)).toBe(true);
      const third: KitItem = { ...link, id: generateId() };
      expect(await storage.addKitItem({ eventId: e.id, item: third, data: null }, 2)).toBe(false);
      storage = await factory.reopen(storage);
      expect(await storage.listKitItems(e.id)).toEqual([file, link]);
      const stored = await storage.getKitFile(e.id, file.id);
      expect(stored?.item).toEqual(file);
      expect(new Uint8Array(stored!.data)).toEqual(bytes);
      expect(await storage.getKitFile(e.id, link.id)).toBeNull();
      expect(await storage.deleteKitItem(e.id, file.id)).toBe(true);
      expect(await storage.deleteKitItem(e.id, file.id)).toBe(false);
      expect(await storage.listKitItems(e.id)).toEqual([link]);
    });
  });
}
