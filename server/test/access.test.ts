import { readdirSync, readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROLES,
  TREE_ROOT_ID,
  createDefaultAgenda,
  fileEvidence,
  setText,
  type ReviewStatus,
  type Role,
  type StlRole,
} from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { hashPassword } from '../src/auth/passwords';
import { csrfTokenFor } from '../src/auth/stlSessions';
import { generateId, generateToken, hashToken } from '../src/auth/tokens';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/testServer';

/**
 * Every endpoint of the API against every kind of caller: nobody, a mesa's three capability links, a follow-up
 * member, an STL member and the admin token. Then bad input against each endpoint that takes any, which must be
 * answered 4xx and never 500; and the public endpoints searched for anything that must never be published.
 *
 * State is set up through storage, not the API, so each case starts from its own fresh mesa quickly and the
 * API's rate limit only counts the calls under test.
 */

type Actor = Role | 'none' | StlRole | 'admin' | 'registrant';
const ACTORS: readonly Actor[] = [
  'none',
  'observer',
  'participant',
  'facilitator',
  'seguimiento',
  'stl',
  'admin',
  'registrant',
];

/** Who may call an endpoint. */
type Access =
  /** Anyone, no credentials. */
  | 'public'
  /** Any of the mesa's links. */
  | 'mesa'
  /** The mesa's facilitator link only (the other links: 403). */
  | 'facilitator'
  /** The admin token, or a member with the `stl` role (a follow-up member: 403). */
  | 'stl'
  /** The admin token, or any member. */
  | 'followup'
  /** The admin token only. */
  | 'admin'
  /** Any member's session (not the admin token). */
  | 'session'
  /** A session of a member with the `stl` role (a follow-up member: 403). */
  | 'stlSession'
  /** The secret of a registrant's own page only. */
  | 'registrant'
  /** An event's kit: the STL (a follow-up member: 403), its registrants, the links of its tables' mesas. */
  | 'kit';

function expected(access: Access, actor: Actor, ok: number): number {
  const isMesa = actor === 'observer' || actor === 'participant' || actor === 'facilitator';
  const isMember = actor === 'stl' || actor === 'seguimiento';
  switch (access) {
    case 'public':
      return ok;
    case 'mesa':
      return isMesa ? ok : 401;
    case 'facilitator':
      return actor === 'facilitator' ? ok : isMesa ? 403 : 401;
    case 'stl':
      return actor === 'stl' || actor === 'admin' ? ok : actor === 'seguimiento' ? 403 : 401;
    case 'followup':
      return isMember || actor === 'admin' ? ok : 401;
    case 'admin':
      return actor === 'admin' ? ok : 401;
    case 'session':
      return isMember ? ok : 401;
    case 'stlSession':
      return actor === 'stl' ? ok : actor === 'seguimiento' ? 403 : 401;
    case 'registrant':
      return actor === 'registrant' ? ok : 401;
    case 'kit':
      return actor === 'seguimiento' ? 403 : actor === 'none' ? 401 : ok;
  }
}

/** One fresh mesa with its links and a saved version 1 in a given review status. */
interface World {
  mesaId: string;
  date: string;
  tokens: Record<Role, string>;
  /** An STL member of its own, for the cases that change one. */
  memberId: string;
  /** A pending invitation of its own, for the case that revokes one. */
  invitationId: string;
  /** A plan with an open event whose one table is this world's mesa. */
  planId: string;
  eventId: string;
  /** A registrant seated at the table, and the secret of their own page. */
  registrationId: string;
  registrationToken: string;
  /** A registrant not seated yet. */
  unseatedId: string;
  /** A file of the event's kit. */
  kitFileId: string;
  /** An evidence file, cited by the current progress of activity 1.2 (public once version 1 is published). */
  evidenceFileId: string;
  /** An observation of the STL on version 1, for the case that answers one. */
  observationId: string;
  /** A closed dot vote of the mesa (closing it again answers it as it is), for the case that closes one. */
  voteId: string;
}

/** The paths a version takes to reach each status. */
const ROUTE: Record<'borrador' | 'en_revision' | 'publicado', ReviewStatus[]> = {
  borrador: [],
  en_revision: ['en_revision'],
  publicado: ['en_revision', 'aprobado', 'publicado'],
};

interface Endpoint {
  method: string;
  path: (w: World) => string;
  access: Access;
  ok: number;
  body?: (w: World) => unknown;
  /** Where version 1 of the case's mesa stands; `borrador` if not said. */
  version?: keyof typeof ROUTE;
  /** The case's mesa is a compromiso proactivo (at phase 1), not a mesa de cocreación. */
  proactive?: true;
  /** An event stream, which never ends by itself: the case reads its status and hangs up. */
  stream?: true;
}

const v1 = (w: World) => `/api/review/mesas/${w.mesaId}/versions/1`;
const mesa = (w: World) => `/api/mesas/${w.mesaId}`;
const event = (w: World) => `/api/events/${w.eventId}`;
const HOUR = 3_600_000;

/** Every route of the API (app.ts and its routers), with a body that would succeed. */
const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: () => '/api/health', access: 'public', ok: 200 },
  { method: 'GET', path: () => '/api/time', access: 'public', ok: 200 },
  // mesaAdminRouter
  {
    method: 'POST',
    path: () => '/api/mesas',
    access: 'stl',
    ok: 201,
    body: () => ({ title: 'Otra mesa', theme: 'movilidad', date: '2026-11-21' }),
  },
  { method: 'GET', path: () => '/api/mesas', access: 'stl', ok: 200 },
  { method: 'POST', path: (w) => `${mesa(w)}/close`, access: 'stl', ok: 200 },
  { method: 'POST', path: (w) => `${mesa(w)}/links/participant`, access: 'stl', ok: 200 },
  // mesasRouter
  { method: 'GET', path: (w) => `${mesa(w)}/session`, access: 'mesa', ok: 200 },
  {
    method: 'POST',
    path: (w) => `${mesa(w)}/join`,
    access: 'mesa',
    ok: 201,
    body: () => ({ name: 'Zoe', sector: 'academia', organization: 'UAEMéx', acceptsChathamHouse: true }),
  },
  // agendaRouter
  { method: 'GET', path: (w) => `${mesa(w)}/agenda`, access: 'mesa', ok: 200 },
  {
    method: 'PUT',
    path: (w) => `${mesa(w)}/agenda`,
    access: 'facilitator',
    ok: 200,
    body: (w) => ({ agenda: createDefaultAgenda(w.date) }),
  },
  {
    method: 'POST',
    path: (w) => `${mesa(w)}/agenda/commands`,
    access: 'facilitator',
    ok: 200,
    body: () => ({ type: 'start' }),
  },
  {
    method: 'POST',
    path: (w) => `${mesa(w)}/agenda/locks`,
    access: 'facilitator',
    ok: 200,
    body: () => ({ tool: 'tree', mode: 'locked' }),
  },
  // votesRouter
  { method: 'GET', path: (w) => `${mesa(w)}/votes`, access: 'mesa', ok: 200 },
  {
    method: 'POST',
    path: (w) => `${mesa(w)}/votes`,
    access: 'facilitator',
    ok: 201,
    body: () => ({ target: 'causa', votesPerPerson: 3, allowSeveral: false }),
  },
  { method: 'POST', path: (w) => `${mesa(w)}/votes/${w.voteId}/close`, access: 'facilitator', ok: 200 },
  // phaseRouter
  {
    method: 'POST',
    path: (w) => `${mesa(w)}/phase`,
    access: 'facilitator',
    ok: 200,
    body: () => ({ from: 1, to: 2 }),
    proactive: true,
  },
  // commitmentRouter
  {
    method: 'POST',
    path: (w) => `${mesa(w)}/commitment/versions`,
    access: 'facilitator',
    ok: 201,
    body: (w) => ({ commitment: { ...seed004Commitment, mesaId: w.mesaId } }),
  },
  { method: 'GET', path: (w) => `${mesa(w)}/commitment/versions`, access: 'mesa', ok: 200 },
  { method: 'GET', path: (w) => `${mesa(w)}/commitment/versions/1`, access: 'mesa', ok: 200 },
  { method: 'GET', path: (w) => `${mesa(w)}/commitment/observations`, access: 'mesa', ok: 200 },
  {
    method: 'POST',
    path: (w) => `${mesa(w)}/commitment/observations/${w.observationId}/response`,
    access: 'facilitator',
    ok: 200,
    body: () => ({ text: 'Lo precisamos en la versión 2.', attended: true }),
  },
  // stlRouter
  {
    method: 'POST',
    path: () => '/api/stl/members',
    access: 'admin',
    ok: 201,
    body: () => ({ email: `${generateId()}@infoem.org.mx`, name: 'Nueva', password: 'una frase bastante larga' }),
  },
  {
    method: 'POST',
    path: () => '/api/stl/login',
    access: 'public',
    ok: 200,
    body: () => ({ email: MEMBERS.stl.email, password: PASSWORD }),
  },
  { method: 'GET', path: () => '/api/stl/me', access: 'session', ok: 200 },
  { method: 'GET', path: () => '/api/stl/members', access: 'stl', ok: 200 },
  {
    method: 'PATCH',
    path: (w) => `/api/stl/members/${w.memberId}`,
    access: 'stl',
    ok: 200,
    body: () => ({ role: 'seguimiento', active: false }),
  },
  { method: 'POST', path: (w) => `/api/stl/members/${w.memberId}/password-reset`, access: 'stl', ok: 201 },
  {
    method: 'POST',
    path: () => '/api/stl/password-reset/accept',
    access: 'public',
    ok: 200,
    body: async () => ({ token: await freshPasswordReset(), password: 'otra frase bastante larga' }),
  },
  { method: 'POST', path: () => '/api/stl/logout', access: 'session', ok: 204 },
  {
    method: 'POST',
    path: () => '/api/stl/invitations',
    access: 'stlSession',
    ok: 201,
    body: () => ({ email: `${generateId()}@uaemex.mx`, role: 'seguimiento' }),
  },
  { method: 'GET', path: () => '/api/stl/invitations', access: 'stl', ok: 200 },
  { method: 'DELETE', path: (w) => `/api/stl/invitations/${w.invitationId}`, access: 'stl', ok: 204 },
  {
    method: 'POST',
    path: () => '/api/stl/invitations/accept',
    access: 'public',
    ok: 201,
    body: async () => ({ token: await freshInvitation(), name: 'Invitada', password: 'otra frase bastante larga' }),
  },
  // reviewRouter
  { method: 'GET', path: () => '/api/review/versions?status=borrador', access: 'stl', ok: 200 },
  { method: 'GET', path: v1, access: 'stl', ok: 200 },
  { method: 'GET', path: (w) => `/api/review/mesas/${w.mesaId}/events`, access: 'stl', ok: 200, stream: true },
  {
    method: 'POST',
    path: (w) => `${v1(w)}/status`,
    access: 'stl',
    ok: 200,
    body: () => ({ status: 'en_revision', from: 'borrador' }),
  },
  {
    method: 'POST',
    path: (w) => `${v1(w)}/observations`,
    access: 'stl',
    ok: 201,
    body: () => ({ path: 'problem', text: 'Precise el problema.' }),
    version: 'en_revision',
  },
  // followupRouter
  {
    method: 'PUT',
    path: (w) => `/api/followup/mesas/${w.mesaId}/activities/la1-a1`,
    access: 'followup',
    ok: 200,
    body: () => ({
      level: 'limitado',
      evidence: [{ kind: 'link', title: 'Acta', url: 'https://infoem.org.mx/acta.pdf' }],
    }),
    version: 'publicado',
  },
  {
    method: 'POST',
    path: (w) => `/api/followup/mesas/${w.mesaId}/activities/la1-a1/files?name=acta.pdf`,
    access: 'followup',
    ok: 201,
    body: () => '%PDF-1.4 acta',
    version: 'publicado',
  },
  // plans/plansRouter
  {
    method: 'POST',
    path: () => '/api/plans',
    access: 'stl',
    ok: 201,
    body: () => ({ title: 'Plan de prueba', period: '2026–2028', entity: 'Estado de México' }),
  },
  { method: 'GET', path: () => '/api/plans', access: 'stl', ok: 200 },
  { method: 'GET', path: (w) => `/api/plans/${w.planId}`, access: 'stl', ok: 200 },
  { method: 'PATCH', path: (w) => `/api/plans/${w.planId}`, access: 'stl', ok: 200, body: () => ({ title: 'Otro' }) },
  {
    method: 'POST',
    path: (w) => `/api/plans/${w.planId}/events`,
    access: 'stl',
    ok: 201,
    body: () => ({
      title: 'Evento',
      theme: 'seguridad',
      date: '2026-12-10',
      startTime: '09:30',
      modality: 'virtual',
      videoLink: 'https://meet.example.mx/x',
      registrationOpensAt: new Date(Date.now() - HOUR).toISOString(),
      registrationClosesAt: new Date(Date.now() + HOUR).toISOString(),
    }),
  },
  // plans/eventsRouter
  { method: 'GET', path: event, access: 'stl', ok: 200 },
  { method: 'PATCH', path: event, access: 'stl', ok: 200, body: () => ({ capacity: 50 }) },
  { method: 'POST', path: (w) => `${event(w)}/registration-link`, access: 'stl', ok: 200 },
  { method: 'GET', path: (w) => `${event(w)}/registrations`, access: 'stl', ok: 200 },
  {
    method: 'PUT',
    path: (w) => `${event(w)}/registrations/${w.registrationId}/attendance`,
    access: 'stl',
    ok: 200,
    body: () => ({ present: true }),
  },
  { method: 'GET', path: (w) => `${event(w)}/attendance`, access: 'stl', ok: 200 },
  { method: 'GET', path: (w) => `${event(w)}/attendance.csv`, access: 'stl', ok: 200 },
  // plans/registrationRouter: an open event takes anyone's registration (the STL's past its window and capacity)
  { method: 'GET', path: (w) => `${event(w)}/registration`, access: 'public', ok: 200 },
  {
    method: 'POST',
    path: (w) => `${event(w)}/registrations`,
    access: 'public',
    ok: 201,
    body: () => ({
      name: 'Persona',
      sector: 'otro',
      organization: 'Vecinos',
      acceptsChathamHouse: true,
      acceptsPrivacyNotice: true,
    }),
  },
  { method: 'GET', path: () => '/api/registrations/me', access: 'registrant', ok: 200 },
  { method: 'POST', path: () => '/api/registrations/me/mesa', access: 'registrant', ok: 200 },
  // plans/seatingRouter
  { method: 'GET', path: (w) => `${event(w)}/tables`, access: 'stl', ok: 200 },
  { method: 'POST', path: (w) => `${event(w)}/tables`, access: 'stl', ok: 200, body: () => ({ reform: true }) },
  {
    method: 'POST',
    path: (w) => `${event(w)}/seats`,
    access: 'stl',
    ok: 200,
    body: (w) => ({ registrationId: w.unseatedId }),
  },
  {
    method: 'PATCH',
    path: (w) => `${event(w)}/seats/${w.registrationId}`,
    access: 'stl',
    ok: 200,
    body: () => ({ locked: true }),
  },
  {
    method: 'PUT',
    path: (w) => `${event(w)}/tables/1/facilitator`,
    access: 'stl',
    ok: 200,
    body: (w) => ({ registrationId: w.registrationId }),
  },
  // plans/plenaryRouter
  { method: 'GET', path: (w) => `${event(w)}/plenary`, access: 'stl', ok: 200 },
  { method: 'GET', path: (w) => `${event(w)}/plenary/events`, access: 'stl', ok: 200, stream: true },
  { method: 'POST', path: (w) => `${event(w)}/plenary/start`, access: 'stl', ok: 200 },
  {
    method: 'POST',
    path: (w) => `${event(w)}/plenary/notices`,
    access: 'stl',
    ok: 200,
    body: () => ({ text: 'Quedan 10 minutos.' }),
  },
  // plans/kitRouter
  {
    method: 'POST',
    path: (w) => `${event(w)}/kit/files?title=Programa&name=programa.pdf`,
    access: 'stl',
    ok: 201,
    body: () => '%PDF-1.4 programa',
  },
  { method: 'GET', path: (w) => `${event(w)}/kit`, access: 'kit', ok: 200 },
  {
    method: 'POST',
    path: (w) => `${event(w)}/kit/links`,
    access: 'stl',
    ok: 201,
    body: () => ({ title: 'Metodología', url: 'https://infoem.org.mx/metodologia.pdf' }),
  },
  { method: 'GET', path: (w) => `${event(w)}/kit/files/${w.kitFileId}`, access: 'kit', ok: 200 },
  { method: 'DELETE', path: (w) => `${event(w)}/kit/${w.kitFileId}`, access: 'stl', ok: 204 },
  { method: 'GET', path: (w) => `${mesa(w)}/kit`, access: 'mesa', ok: 200 },
  // tableroRouter
  { method: 'GET', path: () => '/api/tablero', access: 'public', ok: 200 },
  { method: 'GET', path: () => '/api/tablero.csv', access: 'public', ok: 200 },
  { method: 'GET', path: () => '/api/tablero/diccionario', access: 'public', ok: 200 },
  // plans/planDocumentRouter
  { method: 'GET', path: (w) => `/api/planes/${w.planId}/datos.json`, access: 'public', ok: 200 },
  { method: 'GET', path: (w) => `/api/planes/${w.planId}/datos.csv`, access: 'public', ok: 200 },
  { method: 'GET', path: () => '/api/tablero/vista?q=infoem&page=1', access: 'public', ok: 200 },
  {
    method: 'GET',
    path: (w) => `/api/tablero/compromisos/${w.mesaId}`,
    access: 'public',
    ok: 200,
    version: 'publicado',
  },
  {
    method: 'GET',
    path: (w) => `/api/tablero/evidencias/${w.evidenceFileId}`,
    access: 'public',
    ok: 200,
    version: 'publicado',
  },
];

const PASSWORD = 'contraseña de prueba larga';
const MEMBERS: Record<StlRole, { id: string; email: string; name: string }> = {
  stl: { id: generateId(), email: 'revisora@infoem.org.mx', name: 'Revisora Distintiva' },
  seguimiento: { id: generateId(), email: 'seguimiento@infoem.org.mx', name: 'Seguidora Distintiva' },
};

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  // One scrypt hash for both accounts: the login case needs a real one.
  const passwordHash = await hashPassword(PASSWORD);
  for (const role of ['stl', 'seguimiento'] as const) {
    await t.storage.addMember({ ...MEMBERS[role], role, passwordHash, createdAt: new Date().toISOString() });
  }
});
afterAll(() => t.close());

async function world(version: keyof typeof ROUTE = 'borrador', proactive = false): Promise<World> {
  const mesaId = generateId();
  const date = '2026-11-21';
  const tokens = Object.fromEntries(ROLES.map((role) => [role, generateToken()])) as Record<Role, string>;
  await t.storage.createMesa(
    {
      id: mesaId,
      title: 'Mesa de acceso',
      theme: 'movilidad',
      date,
      createdAt: new Date().toISOString(),
      closedAt: null,
      kind: proactive ? 'proactivo' : 'mesa',
      phase: proactive ? 1 : null,
    },
    ROLES.map((role) => ({ role, tokenHash: hashToken(tokens[role]) })),
  );
  await t.storage.addCommitmentVersion(mesaId, {
    savedAt: new Date().toISOString(),
    stage: { status: 'not_started', number: 0, name: 'Registro' },
    contentHash: 'f'.repeat(64),
    commitment: { ...seed004Commitment, mesaId },
  });
  let from: ReviewStatus = 'borrador';
  for (const to of ROUTE[version]) {
    await t.storage.setReviewStatus(mesaId, 1, { from, to, memberId: null, at: new Date().toISOString() });
    from = to;
  }
  const memberId = generateId();
  await t.storage.addMember({
    id: memberId,
    email: `${memberId}@infoem.org.mx`,
    name: 'Integrante',
    role: 'stl',
    passwordHash: 'scrypt$sin-uso',
    createdAt: new Date().toISOString(),
  });
  const invitationId = generateId();
  await t.storage.addInvitation({
    id: invitationId,
    tokenHash: hashToken(generateToken()),
    email: `${invitationId}@invitada.mx`,
    role: 'stl',
    invitedBy: memberId,
    createdAt: Date.now(),
    expiresAt: Date.now() + 60_000,
  });
  const observationId = generateId();
  await t.storage.addObservation({
    id: observationId,
    mesaId,
    versionNumber: 1,
    path: 'problem',
    text: 'Precise el problema.',
    memberId: null,
    createdAt: new Date().toISOString(),
  });
  const voteId = generateId();
  const at = new Date().toISOString();
  await t.storage.openVote({
    id: voteId,
    mesaId,
    target: 'linea',
    votesPerPerson: 2,
    allowSeveral: true,
    openedAt: at,
  });
  await t.storage.closeVote(mesaId, voteId, at, () => []);
  const planId = generateId();
  await t.storage.createPlan({
    id: planId,
    title: 'Plan de acceso',
    period: '2026–2028',
    entity: 'Estado de México',
    privacyNotice: 'Aviso de privacidad de la prueba de acceso.',
    createdAt: new Date().toISOString(),
  });
  await t.storage.setMesaPlan(mesaId, planId);
  const eventId = generateId();
  await t.storage.createEvent(
    {
      id: eventId,
      planId,
      title: 'Evento de acceso',
      theme: 'movilidad',
      date,
      startTime: '09:30',
      modality: 'virtual',
      place: null,
      videoLink: 'https://meet.example.mx/acceso',
      tableSize: { minSize: 5, maxSize: 10 },
      agenda: null,
      registrationOpensAt: new Date(Date.now() - HOUR).toISOString(),
      registrationClosesAt: new Date(Date.now() + HOUR).toISOString(),
      capacity: null,
      access: 'open',
      createdAt: new Date().toISOString(),
    },
    null,
  );
  const registrationToken = generateToken();
  const [registrationId, unseatedId] = [generateId(), generateId()];
  for (const [id, tokenHash] of [
    [registrationId, hashToken(registrationToken)],
    [unseatedId, hashToken(generateToken())],
  ] as const) {
    await t.storage.addRegistration(
      {
        id,
        eventId,
        name: 'Registrada Distintiva',
        sector: 'academia',
        organization: 'UAEMéx',
        email: null,
        registeredAt: new Date().toISOString(),
      },
      tokenHash,
      null,
    );
  }
  await t.storage.saveSeating(
    eventId,
    {
      formedAt: new Date().toISOString(),
      tables: [{ number: 1, mesaId, facilitatorId: null }],
      seats: [{ registrationId, table: 1, locked: false }],
    },
    [],
  );
  const kitFileId = generateId();
  const pdf = new TextEncoder().encode('%PDF-1.4 kit');
  await t.storage.addKitItem(
    {
      eventId,
      item: {
        kind: 'file',
        id: kitFileId,
        title: 'Árbol',
        createdAt: new Date().toISOString(),
        fileName: 'arbol.pdf',
        mediaType: 'application/pdf',
        size: pdf.length,
      },
      data: pdf,
    },
    50,
  );
  const evidenceFileId = generateId();
  const evidence = {
    id: evidenceFileId,
    fileName: 'acta.pdf',
    mediaType: 'application/pdf' as const,
    size: pdf.length,
  };
  await t.storage.addEvidenceFile({
    file: evidence,
    data: pdf,
    mesaId,
    activityId: 'la1-a2',
    memberId: null,
    createdAt: new Date().toISOString(),
  });
  await t.storage.recordActivityProgress({
    mesaId,
    activityId: 'la1-a2',
    level: 'limitado',
    evidence: [fileEvidence('Acta', evidence)],
    note: '',
    memberId: null,
    at: new Date().toISOString(),
  });
  return {
    observationId,
    voteId,
    kitFileId,
    evidenceFileId,
    mesaId,
    date,
    tokens,
    memberId,
    invitationId,
    planId,
    eventId,
    registrationId,
    registrationToken,
    unseatedId,
  };
}

/** A one-time invitation to accept; its token. */
async function freshInvitation(): Promise<string> {
  const token = generateToken();
  await t.storage.addInvitation({
    id: generateId(),
    tokenHash: hashToken(token),
    email: `${generateId()}@invitada.mx`,
    role: 'stl',
    invitedBy: MEMBERS.stl.id,
    createdAt: Date.now(),
    expiresAt: Date.now() + 60_000,
  });
  return token;
}

/** A one-time link for a new password of a fresh member; its token. */
async function freshPasswordReset(): Promise<string> {
  const memberId = generateId();
  await t.storage.addMember({
    id: memberId,
    email: `${memberId}@olvidadiza.mx`,
    name: 'Olvidadiza',
    role: 'stl',
    passwordHash: 'scrypt$sin-uso',
    createdAt: new Date().toISOString(),
  });
  const token = generateToken();
  await t.storage.addPasswordReset({
    tokenHash: hashToken(token),
    memberId,
    createdBy: null,
    createdAt: Date.now(),
    expiresAt: Date.now() + 60_000,
  });
  return token;
}

/** The headers `actor` sends: a mesa link as a bearer token, a member's session cookie with its CSRF, or the admin token. */
async function credentials(actor: Actor, w: World): Promise<Record<string, string>> {
  if (actor === 'none') return {};
  if (actor === 'admin') return { authorization: `Bearer ${ADMIN_TOKEN}` };
  if (actor === 'registrant') return { authorization: `Bearer ${w.registrationToken}` };
  if (actor === 'stl' || actor === 'seguimiento') {
    // A session of its own per request: logging out must not end the next case's.
    const token = generateToken();
    await t.storage.addSession(
      { tokenHash: hashToken(token), memberId: MEMBERS[actor].id, expiresAt: Date.now() + 60_000 },
      Date.now(),
    );
    return { cookie: `cocrea_stl=${token}`, 'x-cocrea-csrf': csrfTokenFor(token), origin: t.baseUrl };
  }
  return { authorization: `Bearer ${w.tokens[actor]}` };
}

async function send(actor: Actor, w: World, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${t.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(await credentials(actor, w)) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Every `router.<method>('<path>'` and `api.<method>('<path>'` in the server's HTTP modules, subfolders included. */
function routesInSource(): string[] {
  const dir = new URL('../src/http/', import.meta.url);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  return files.flatMap((file) =>
    [
      ...readFileSync(new URL(file, dir), 'utf8').matchAll(
        /\b(?:router|api)\.(get|post|put|patch|delete)\(\s*'([^']+)'/g,
      ),
    ].map(([, method, path]) => `${method!.toUpperCase()} ${file} ${path}`),
  );
}

describe('who may call what', () => {
  it('the table lists every route the server has', () => {
    // A new route fails this until it is added to ENDPOINTS with who may call it.
    expect(routesInSource().length, routesInSource().join('\n')).toBe(ENDPOINTS.length);
  });

  for (const endpoint of ENDPOINTS) {
    const name = `${endpoint.method} ${endpoint.path({
      mesaId: ':id',
      date: '',
      tokens: {} as World['tokens'],
      memberId: ':id',
      invitationId: ':id',
      planId: ':planId',
      eventId: ':eventId',
      registrationId: ':registrationId',
      registrationToken: '',
      unseatedId: ':registrationId',
      kitFileId: ':itemId',
      evidenceFileId: ':fileId',
      observationId: ':id',
      voteId: ':voteId',
    })}`;
    it(`${name}: ${endpoint.access}`, async () => {
      const answers: Record<string, number> = {};
      const wanted: Record<string, number> = {};
      for (const actor of ACTORS) {
        const w = await world(endpoint.version, endpoint.proactive);
        const res = await send(actor, w, endpoint.method, endpoint.path(w), await endpoint.body?.(w));
        if (endpoint.stream && res.ok) await res.body?.cancel();
        else await res.arrayBuffer();
        answers[actor] = res.status;
        wanted[actor] = expected(endpoint.access, actor, endpoint.ok);
      }
      expect(answers).toEqual(wanted);
    });
  }
});

interface BadInput {
  name: string;
  actor: Actor;
  method: string;
  path: (w: World) => string;
  body?: unknown;
  status: number;
  version?: keyof typeof ROUTE;
  /** What the case does to its world first. */
  before?: (w: World) => Promise<void>;
}

const UNKNOWN_MESA = 'AAAAAAAAAAAAAAAA';
const NOT_JSON = '{"title": ';

/** Bad ids, numbers, queries and bodies: each answered with its 4xx, never a 500. */
const BAD_INPUTS: BadInput[] = [
  ...[
    ['GET', 'session'],
    ['POST', 'join'],
    ['GET', 'agenda'],
    ['PUT', 'agenda'],
    ['POST', 'agenda/commands'],
    ['POST', 'agenda/locks'],
    ['POST', 'phase'],
    ['POST', 'commitment/versions'],
    ['GET', 'commitment/versions'],
    ['GET', 'commitment/versions/1'],
    ['GET', 'commitment/observations'],
    ['GET', 'votes'],
    ['POST', 'votes'],
    ['POST', 'votes/AAAAAAAAAAAAAAAA/close'],
  ].flatMap(([method, rest]) =>
    [UNKNOWN_MESA, 'corto', '..%2F..%2Fetc'].map((id) => ({
      name: `${method} ${rest} of mesa ${id}`,
      actor: 'facilitator' as const,
      method: method!,
      path: () => `/api/mesas/${id}/${rest}`,
      body: method === 'GET' ? undefined : {},
      status: 404,
    })),
  ),
  ...['close', 'links/observer'].map((rest) => ({
    name: `POST ${rest} of an unknown mesa`,
    actor: 'admin' as const,
    method: 'POST',
    path: () => `/api/mesas/${UNKNOWN_MESA}/${rest}`,
    status: 404,
  })),
  ...['AAAAAAAAAAAAAAAA', 'corto', '..%2F..'].map((id) => ({
    name: `closing vote ${id} of the mesa`,
    actor: 'facilitator' as const,
    method: 'POST',
    path: (w: World) => `${mesa(w)}/votes/${id}/close`,
    status: 404,
  })),
  {
    name: 'a link for a role that does not exist',
    actor: 'admin',
    method: 'POST',
    path: (w) => `${mesa(w)}/links/admin`,
    status: 404,
  },
  ...['0', '99', 'uno', '1.5', '-1', '9999999999'].map((n) => ({
    name: `version ${n} of the mesa`,
    actor: 'observer' as const,
    method: 'GET',
    path: (w: World) => `${mesa(w)}/commitment/versions/${n}`,
    status: 404,
  })),
  ...['0', '99', 'uno'].flatMap((n) => [
    {
      name: `review of version ${n}`,
      actor: 'stl' as const,
      method: 'GET',
      path: (w: World) => `/api/review/mesas/${w.mesaId}/versions/${n}`,
      status: 404,
    },
    {
      name: `moving version ${n}`,
      actor: 'stl' as const,
      method: 'POST',
      path: (w: World) => `/api/review/mesas/${w.mesaId}/versions/${n}/status`,
      body: { status: 'en_revision', from: 'borrador' },
      status: 404,
    },
    {
      name: `observing version ${n}`,
      actor: 'admin' as const,
      method: 'POST',
      path: (w: World) => `/api/review/mesas/${w.mesaId}/versions/${n}/observations`,
      body: { path: '', text: 'x' },
      status: 404,
    },
  ]),
  ...[UNKNOWN_MESA, 'corto'].map((id) => ({
    name: `the events of mesa ${id}`,
    actor: 'stl' as const,
    method: 'GET',
    path: () => `/api/review/mesas/${id}/events`,
    status: 404,
  })),
  {
    name: 'review of an unknown mesa',
    actor: 'stl',
    method: 'GET',
    path: () => `/api/review/mesas/${UNKNOWN_MESA}/versions/1`,
    status: 404,
  },
  // Bodies
  ...[
    ['POST', '/api/mesas', 'admin'],
    ['POST', 'join', 'participant'],
    ['PUT', 'agenda', 'facilitator'],
    ['POST', 'agenda/commands', 'facilitator'],
    ['POST', 'agenda/locks', 'facilitator'],
    ['POST', 'phase', 'facilitator'],
    ['POST', 'commitment/versions', 'facilitator'],
    ['POST', 'votes', 'facilitator'],
    ['POST', '/api/stl/members', 'admin'],
    ['POST', '/api/stl/login', 'none'],
    ['POST', '/api/stl/invitations', 'stl'],
    ['POST', '/api/stl/invitations/accept', 'none'],
    ['POST', 'status', 'stl'],
    ['POST', 'observations', 'stl'],
    ['PUT', 'followup', 'seguimiento'],
  ].flatMap(([method, where, actor]) => {
    const path = (w: World) =>
      where!.startsWith('/')
        ? where!
        : where === 'status' || where === 'observations'
          ? `${v1(w)}/${where}`
          : where === 'followup'
            ? `/api/followup/mesas/${w.mesaId}/activities/la1-a1`
            : `${mesa(w)}/${where}`;
    const version = where === 'followup' ? ('publicado' as const) : ('en_revision' as const);
    return [
      { body: {}, status: 400, what: 'an empty object' },
      { body: [], status: 400, what: 'an array' },
      {
        body: { title: 7, status: 'x', path: '<script>', text: 7, level: 'todo', evidence: 'x', type: 'x' },
        status: 400,
        what: 'wrong types',
      },
      { body: NOT_JSON, status: 400, what: 'broken JSON' },
    ].map(({ body, status, what }) => ({
      name: `${method} ${where} with ${what}`,
      actor: actor as Actor,
      method: method!,
      path,
      body,
      status,
      version,
    }));
  }),
  {
    name: 'an observation on a field the version lacks',
    actor: 'stl',
    method: 'POST',
    path: (w) => `${v1(w)}/observations`,
    body: { path: 'responsibles.nadie.name', text: 'x' },
    status: 400,
    version: 'en_revision',
  },
  ...[
    ['an observation the mesa does not have', UNKNOWN_MESA, { text: 'x', attended: true }, 404],
    ['an observation id that cannot be one', 'no-es-un-id', { text: 'x', attended: true }, 404],
    ['wrong types', null, { text: 7, attended: 'sí' }, 400],
    ['a text too long', null, { text: 'x'.repeat(2001), attended: false }, 400],
    ['a field of its own', null, { text: 'x', attended: true, by: 'Ana' }, 400],
  ].map(([what, id, body, status]) => ({
    name: `a response to ${String(what)}`,
    actor: 'facilitator' as const,
    method: 'POST',
    path: (w: World) => `${mesa(w)}/commitment/observations/${(id as string | null) ?? w.observationId}/response`,
    body,
    status: status as number,
  })),
  {
    name: 'an unknown status',
    actor: 'stl',
    method: 'POST',
    path: (w) => `${v1(w)}/status`,
    body: { status: 'archivado', from: 'borrador' },
    status: 400,
  },
  {
    name: 'progress of an activity the published version lacks',
    actor: 'seguimiento',
    method: 'PUT',
    path: (w) => `/api/followup/mesas/${w.mesaId}/activities/no-existe`,
    body: { level: 'limitado', evidence: [{ kind: 'link', title: 'X', url: 'https://x.mx' }] },
    status: 404,
    version: 'publicado',
  },
  {
    name: 'progress on a mesa with nothing published',
    actor: 'stl',
    method: 'PUT',
    path: (w) => `/api/followup/mesas/${w.mesaId}/activities/la1-a1`,
    body: { level: 'limitado', evidence: [{ kind: 'link', title: 'X', url: 'https://x.mx' }] },
    status: 404,
  },
  {
    name: 'progress on an unknown mesa',
    actor: 'admin',
    method: 'PUT',
    path: () => `/api/followup/mesas/${UNKNOWN_MESA}/activities/la1-a1`,
    body: { level: 'limitado', evidence: [{ kind: 'link', title: 'X', url: 'https://x.mx' }] },
    status: 404,
  },
  // Plans, events, registration and tables
  ...[
    ['GET', '/api/plans/AAAAAAAAAAAAAAAA'],
    ['PATCH', '/api/plans/corto'],
    ['POST', '/api/plans/..%2F..%2Fetc/events'],
    ['GET', `/api/events/${UNKNOWN_MESA}`],
    ['GET', '/api/events/corto/registrations'],
    ['GET', `/api/events/${UNKNOWN_MESA}/attendance.csv`],
    ['POST', `/api/events/${UNKNOWN_MESA}/tables`],
    ['GET', `/api/events/${UNKNOWN_MESA}/plenary`],
    ['GET', `/api/events/${UNKNOWN_MESA}/plenary/events`],
    ['POST', `/api/events/${UNKNOWN_MESA}/plenary/start`],
    ['POST', '/api/events/corto/plenary/notices'],
  ].map(([method, path]) => ({
    name: `${method} ${path}`,
    actor: 'admin' as const,
    method: method!,
    path: () => path!,
    body: method === 'GET' ? undefined : { title: 'Plan' },
    status: 404,
  })),
  {
    name: 'the registration page of an unknown event',
    actor: 'none',
    method: 'GET',
    path: () => `/api/events/${UNKNOWN_MESA}/registration`,
    status: 404,
  },
  ...[{ text: '' }, { text: 'x'.repeat(301) }, { text: 'Aviso', from: 'Lía' }, NOT_JSON].map((body) => ({
    name: `a plenary notice of ${JSON.stringify(body).slice(0, 40)}`,
    actor: 'stl' as const,
    method: 'POST',
    path: (w: World) => `${event(w)}/plenary/notices`,
    body,
    status: 400,
  })),
  {
    name: 'a seat change of a registration of no event of ours',
    actor: 'stl',
    method: 'PATCH',
    path: (w) => `${event(w)}/seats/${UNKNOWN_MESA}`,
    body: { locked: true },
    status: 404,
  },
  ...['0', '2', 'uno', '1.5'].map((n) => ({
    name: `the facilitator of table ${n}`,
    actor: 'stl' as const,
    method: 'PUT',
    path: (w: World) => `${event(w)}/tables/${n}/facilitator`,
    body: { registrationId: null },
    status: 404,
  })),
  ...(
    [
      ['POST', 'plans', () => '/api/plans'],
      ['PATCH', 'plan', (w) => `/api/plans/${w.planId}`],
      ['POST', 'plan events', (w) => `/api/plans/${w.planId}/events`],
      ['PATCH', 'event', event],
      ['POST', 'registrations', (w) => `${event(w)}/registrations`],
      ['PUT', 'attendance', (w) => `${event(w)}/registrations/${w.registrationId}/attendance`],
      ['POST', 'seats', (w) => `${event(w)}/seats`],
      ['PATCH', 'seat', (w) => `${event(w)}/seats/${w.registrationId}`],
      ['PUT', 'facilitator', (w) => `${event(w)}/tables/1/facilitator`],
    ] as [string, string, (w: World) => string][]
  ).flatMap(([method, label, path]) =>
    [
      { body: {}, what: 'an empty object' },
      { body: [], what: 'an array' },
      { body: { title: 7, period: 'siempre', capacity: -1, table: 0, present: 'sí', reform: 1 }, what: 'wrong types' },
      { body: NOT_JSON, what: 'broken JSON' },
    ].map(({ body, what }) => ({
      name: `${method} ${label} with ${what}`,
      actor: 'admin' as const,
      method,
      path,
      body,
      status: 400,
    })),
  ),
  ...['theme=deportes', 'status=cerrado', 'institution[x]=1', 'page=0', 'page=dos', 'q=a&q=b', 'otro=1'].map(
    (query) => ({
      name: `the board's view with ${query}`,
      actor: 'none' as const,
      method: 'GET',
      path: () => `/api/tablero/vista?${query}`,
      status: 400,
    }),
  ),
  ...[
    ['a mesa with nothing published', (w: World) => `/api/tablero/compromisos/${w.mesaId}`],
    ['an unknown mesa', () => `/api/tablero/compromisos/${UNKNOWN_MESA}`],
    ['a mesa id that cannot be one', () => '/api/tablero/compromisos/..%2F..%2Fetc'],
    ['an evidence file of a mesa with nothing published', (w: World) => `/api/tablero/evidencias/${w.evidenceFileId}`],
    ['an unknown evidence file', () => `/api/tablero/evidencias/${UNKNOWN_MESA}`],
    ['an evidence file id that cannot be one', () => '/api/tablero/evidencias/corto'],
  ].map(([what, path]) => ({
    name: `the board's ${what as string}`,
    actor: 'none' as const,
    method: 'GET',
    path: path as (w: World) => string,
    status: 404,
  })),
  {
    name: 'an evidence file uploaded but cited by no progress',
    actor: 'none',
    method: 'GET',
    path: (w) => `/api/tablero/evidencias/${w.evidenceFileId}`,
    status: 404,
    version: 'publicado',
    before: async (w) => {
      await t.storage.recordActivityProgress({
        mesaId: w.mesaId,
        activityId: 'la1-a2',
        level: 'limitado',
        evidence: [{ kind: 'link', title: 'Otra', url: 'https://infoem.org.mx/otra.pdf' }],
        note: '',
        memberId: null,
        at: new Date().toISOString(),
      });
    },
  },
  ...(
    [
      ['a file that is no PDF or image', 'acta.pdf', 'MZ ejecutable', 415],
      ['a name of another type than its content', 'acta.png', '%PDF-1.4 acta', 415],
      ['an empty file', 'acta.pdf', '', 400],
      ['no name', '', '%PDF-1.4 acta', 400],
    ] as const
  ).map(([what, name, body, status]) => ({
    name: `an evidence upload of ${what}`,
    actor: 'seguimiento' as const,
    method: 'POST',
    path: (w: World) => `/api/followup/mesas/${w.mesaId}/activities/la1-a1/files?name=${name}`,
    body,
    status,
    version: 'publicado' as const,
  })),
  {
    name: 'an evidence upload for an activity the published version lacks',
    actor: 'seguimiento',
    method: 'POST',
    path: (w) => `/api/followup/mesas/${w.mesaId}/activities/no-existe/files?name=acta.pdf`,
    body: '%PDF-1.4 acta',
    status: 404,
    version: 'publicado',
  },
  {
    name: 'progress citing a file uploaded for another activity',
    actor: 'seguimiento',
    method: 'PUT',
    path: (w) => `/api/followup/mesas/${w.mesaId}/activities/la1-a1`,
    body: (w: World) => ({ level: 'limitado', evidence: [{ kind: 'file', title: 'Acta', fileId: w.evidenceFileId }] }),
    status: 400,
    version: 'publicado',
  },
  {
    name: 'progress citing a file that does not exist',
    actor: 'seguimiento',
    method: 'PUT',
    path: (w) => `/api/followup/mesas/${w.mesaId}/activities/la1-a1`,
    body: { level: 'limitado', evidence: [{ kind: 'file', title: 'Acta', fileId: UNKNOWN_MESA }] },
    status: 400,
    version: 'publicado',
  },
  {
    name: 'progress with a link without a title',
    actor: 'seguimiento',
    method: 'PUT',
    path: (w) => `/api/followup/mesas/${w.mesaId}/activities/la1-a1`,
    body: { level: 'limitado', evidence: [{ kind: 'link', title: ' ', url: 'https://x.mx' }] },
    status: 400,
    version: 'publicado',
  },
  ...['theme=deportes', 'status=cerrado', 'mesa=%00', 'status=a&status=b', 'theme[x]=1', 'otro=1'].map((query) => ({
    name: `the inbox with ${query}`,
    actor: 'admin' as const,
    method: 'GET',
    path: () => `/api/review/versions?${query}`,
    status: 400,
  })),
];

describe('bad input is refused with its 4xx, never a 500', () => {
  for (const bad of BAD_INPUTS) {
    it(bad.name, async () => {
      const w = await world(bad.version);
      await bad.before?.(w);
      const body = typeof bad.body === 'function' ? (bad.body as (w: World) => unknown)(w) : bad.body;
      const res = await send(bad.actor, w, bad.method, bad.path(w), body);
      const answer = (await res.json()) as { error?: { code?: string } };
      expect(res.status).toBe(bad.status);
      expect(answer.error?.code).toEqual(expect.any(String));
    });
  }
});

describe('the public endpoints publish nothing private', () => {
  it('no draft, observation, participant, member or co-responsible person', async () => {
    const secrets = {
      liveDraft: 'TEXTO-DEL-BORRADOR-EN-VIVO',
      unpublished: 'VERSION-NO-PUBLICADA',
      observation: 'OBSERVACION-INTERNA-DEL-STL',
      participant: 'Participante Distintiva Ximena',
      registrant: 'Registrada Distintiva',
      person: 'Persona Corresponsable Distintiva',
    };
    const w = await world();
    const published = { ...seed004Commitment, mesaId: w.mesaId };
    // The participant joins and votes; the vote closes before version 2 is saved, whose record holds its counts.
    const participantId = generateId();
    await t.storage.addParticipant(
      w.mesaId,
      {
        id: participantId,
        role: 'participant',
        name: secrets.participant,
        sector: 'academia',
        organization: 'UAEMéx',
        color: '#1f77b4',
      },
      hashToken(generateToken()),
      new Date().toISOString(),
    );
    const voteId = generateId();
    // An hour ahead: `GET …/votes` answers the latest vote, and this one must be it whatever the route tests opened.
    const votedAt = new Date(Date.now() + 3_600_000).toISOString();
    await t.storage.openVote({
      id: voteId,
      mesaId: w.mesaId,
      target: 'linea',
      votesPerPerson: 1,
      allowSeveral: false,
      openedAt: votedAt,
    });
    expect((await t.storage.castBallot(voteId, participantId, 'la1', 1)).ok).toBe(true);
    await t.storage.closeVote(w.mesaId, voteId, votedAt, (counts) =>
      [...counts].map(([itemId, count]) => ({ itemId, label: 'Línea votada', count, rank: 1 })),
    );
    // Version 2, published, names its co-responsible person; version 3 is saved but never published.
    await t.storage.addCommitmentVersion(w.mesaId, {
      savedAt: new Date().toISOString(),
      stage: { status: 'finished', number: 7, name: 'Cierre' },
      contentHash: 'e'.repeat(64),
      commitment: { ...published, coResponsible: { organization: 'Red Distintiva AC', person: secrets.person } },
    });
    await t.storage.addCommitmentVersion(w.mesaId, {
      savedAt: new Date().toISOString(),
      stage: { status: 'finished', number: 7, name: 'Cierre' },
      contentHash: 'd'.repeat(64),
      commitment: { ...published, finalResult: secrets.unpublished },
    });
    let from: ReviewStatus = 'borrador';
    for (const to of ROUTE.publicado) {
      const at = new Date().toISOString();
      await t.storage.setReviewStatus(w.mesaId, 2, { from, to, memberId: MEMBERS.stl.id, at });
      if (to === 'en_revision') {
        await t.storage.addObservation({
          id: generateId(),
          mesaId: w.mesaId,
          versionNumber: 2,
          path: 'problem',
          text: secrets.observation,
          memberId: MEMBERS.stl.id,
          createdAt: at,
        });
      }
      from = to;
    }
    const doc = new Y.Doc();
    doc.getMap('commitment').set('finalResult', secrets.liveDraft);
    // The tree is what the plan's document publishes of the live document, and only its text.
    setText(doc, TREE_ROOT_ID, 'Problema del árbol publicado');
    await t.storage.appendUpdate(w.mesaId, Y.encodeStateAsUpdate(doc));
    await send('seguimiento', w, 'PUT', `/api/followup/mesas/${w.mesaId}/activities/la1-a1`, {
      level: 'completo',
      evidence: [{ kind: 'link', title: 'Acta firmada', url: 'https://infoem.org.mx/acta.pdf' }],
      note: 'Acta firmada.',
    });

    const publicPaths = [
      '/api/tablero',
      '/api/tablero.csv',
      '/api/tablero/diccionario',
      '/api/tablero/vista',
      `/api/tablero/compromisos/${w.mesaId}`,
      '/api/health',
      '/api/time',
    ];
    const planPaths = [`/api/planes/${w.planId}/datos.json`, `/api/planes/${w.planId}/datos.csv`];
    for (const path of [...publicPaths, ...planPaths, `${event(w)}/registration`]) {
      const res = await fetch(`${t.baseUrl}${path}`);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      for (const secret of [...Object.values(secrets), MEMBERS.stl.name, MEMBERS.seguimiento.name]) {
        expect(text, `${path} shows ${secret}`).not.toContain(secret);
      }
      // And yet the board does show the published commitment.
      if (path === '/api/tablero' || path.includes('compromisos') || path === planPaths[0]) {
        expect(text, path).toContain('Red Distintiva AC');
      }
      // The view's page may hold other cases' mesas first.
      const published = path.startsWith('/api/tablero') && !path.endsWith('diccionario') && !path.endsWith('vista');
      if (published || planPaths.includes(path)) {
        expect(text, path).toContain('https://infoem.org.mx/acta.pdf');
      }
      // The plan's document names the plan, never what its registrants accepted.
      if (planPaths.includes(path)) {
        expect(text, path).toContain('Plan de acceso');
        if (path === planPaths[0]) expect(text, path).toContain('Problema del árbol publicado');
        expect(text, path).not.toContain('Aviso de privacidad de la prueba de acceso.');
      }
    }
    // The mesa's own outputs that carry the vote (its state, the version that records it, the STL's review of that
    // version) give the counts and never whose they were.
    const voteOutputs = [
      `${mesa(w)}/votes`,
      `${mesa(w)}/commitment/versions/2`,
      `/api/review/mesas/${w.mesaId}/versions/2`,
    ];
    for (const path of voteOutputs) {
      const res = await send(path.startsWith('/api/review') ? 'stl' : 'facilitator', w, 'GET', path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expect(text, path).toContain('Línea votada');
      for (const secret of [secrets.participant, participantId])
        expect(text, `${path} shows ${secret}`).not.toContain(secret);
    }
  });
});
