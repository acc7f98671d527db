import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  KIT_LIMITS,
  createdEventSchema,
  createdRegistrationSchema,
  kitItemSchema,
  kitSchema,
  mesaKitSchema,
  registrationPageSchema,
  seatingSchema,
  type CreatedRegistration,
  type RotatedLink,
} from '@cocrea/shared';
import { detectKitType } from '../src/plans/kitFileType';
import { StlBrowser, bootstrapMember, type ErrorBody } from './support/stlBrowser';
import { ADMIN_TOKEN, startTestServer, type TestServer } from './support/testServer';

/** A ZIP of stored (uncompressed) entries, as office suites write `mimetype`; enough for a type check by content. */
function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const HTML = Buffer.from('<!doctype html><script>alert(1)</script>');
const DOCX = zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
const ODT = zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document/>' });

describe('a kit file’s type comes from its bytes', () => {
  it('knows PDF, images, Office and OpenDocument files, and nothing else', () => {
    expect(detectKitType(PDF)).toBe('application/pdf');
    expect(detectKitType(PNG)).toBe('image/png');
    expect(detectKitType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(detectKitType(Buffer.from('GIF89a....'))).toBe('image/gif');
    expect(detectKitType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(detectKitType(DOCX)).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(detectKitType(ODT)).toBe('application/vnd.oasis.opendocument.text');
    expect(detectKitType(HTML)).toBeNull();
    expect(detectKitType(Buffer.from('MZ\x90\0'))).toBeNull();
    expect(detectKitType(zipOf({ 'virus.exe': 'MZ' }))).toBeNull();
    expect(detectKitType(zipOf({ mimetype: 'text/html' }))).toBeNull();
    expect(detectKitType(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
  });
});

describe('the participant kit', () => {
  let t: TestServer;
  let stl: StlBrowser;
  beforeEach(async () => {
    t = await startTestServer();
    await bootstrapMember(t);
    stl = new StlBrowser(t);
    await stl.login();
  });
  afterEach(() => t.close());

  async function eventWithRegistrant(): Promise<{ eventId: string; person: CreatedRegistration }> {
    const plan = await stl.call<{ plan: { id: string } }>('POST', '/api/plans', {
      title: 'Plan',
      period: '2026–2028',
      entity: 'Estado de México',
    });
    const created = createdEventSchema.parse(
      (
        await stl.call<unknown>('POST', `/api/plans/${plan.body.plan.id}/events`, {
          title: 'Evento',
          theme: 'movilidad',
          date: '2026-12-10',
          startTime: '09:30',
          modality: 'virtual',
          videoLink: 'https://meet.example.mx/x',
          registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
          registrationClosesAt: new Date(Date.now() + 3_600_000).toISOString(),
        })
      ).body,
    );
    const res = await fetch(`${t.baseUrl}/api/events/${created.event.id}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Ana',
        sector: 'academia',
        organization: 'UAEMéx',
        acceptsChathamHouse: true,
        acceptsPrivacyNotice: true,
      }),
    });
    return { eventId: created.event.id, person: createdRegistrationSchema.parse(await res.json()) };
  }

  function upload(eventId: string, bytes: Buffer, name: string, contentType = 'application/octet-stream') {
    const query = new URLSearchParams({ title: 'Árbol de problemas', name });
    return fetch(`${t.baseUrl}/api/events/${eventId}/kit/files?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': contentType },
      body: bytes,
    });
  }

  async function kitOf(eventId: string) {
    const answer = await stl.call<unknown>('GET', `/api/events/${eventId}/kit`);
    return kitSchema.parse(answer.body).items;
  }

  it('a registrant downloads a kit PDF before the event, as a PDF the browser may not sniff', async () => {
    const { eventId, person } = await eventWithRegistrant();
    const res = await upload(eventId, PDF, 'arbol de problemas.PDF', 'text/html');
    expect(res.status).toBe(201);
    const item = kitItemSchema.parse(await res.json());
    expect(item).toMatchObject({ kind: 'file', fileName: 'arbol de problemas.pdf', mediaType: 'application/pdf' });

    const page = registrationPageSchema.parse(
      await (
        await fetch(`${t.baseUrl}/api/registrations/me`, { headers: { authorization: `Bearer ${person.token}` } })
      ).json(),
    );
    expect(page.kit.map((k) => k.id)).toEqual([item.id]);
    const download = await fetch(`${t.baseUrl}/api/events/${eventId}/kit/files/${item.id}`, {
      headers: { authorization: `Bearer ${person.token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="arbol de problemas.pdf"/);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);
    const stranger = await fetch(`${t.baseUrl}/api/events/${eventId}/kit/files/${item.id}`, {
      headers: { authorization: `Bearer ${'x'.repeat(43)}` },
    });
    expect(stranger.status).toBe(401);
  });

  it('a file that lies about its type, an unknown type, an empty or too big file: Spanish, nothing stored', async () => {
    const { eventId } = await eventWithRegistrant();
    const lying = await upload(eventId, PNG, 'informe.pdf', 'application/pdf');
    expect(lying.status).toBe(415);
    expect(((await lying.json()) as ErrorBody).error).toMatchObject({
      code: 'file_type_mismatch',
      message: 'El nombre del archivo no corresponde a su contenido: el contenido es Imagen PNG.',
    });
    const html = await upload(eventId, HTML, 'programa.pdf');
    expect(html.status).toBe(415);
    expect(((await html.json()) as ErrorBody).error.code).toBe('unsupported_file_type');
    const empty = await upload(eventId, Buffer.alloc(0), 'vacio.pdf');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ErrorBody).error.message).toBe('El archivo está vacío.');
    const big = Buffer.concat([PDF, Buffer.alloc(KIT_LIMITS.maxFileBytes)]);
    const tooBig = await upload(eventId, big, 'grande.pdf');
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as ErrorBody).error.message).toMatch(/demasiado grande/);
    expect(await kitOf(eventId)).toEqual([]);
    // A name with no extension is no lie; the download gets the content's.
    const docx = await upload(eventId, DOCX, 'criterios');
    expect(docx.status).toBe(201);
    expect(await docx.json()).toMatchObject({ fileName: 'criterios.docx' });
  });

  it('links join the kit; the people of a table read it from their mesa; the STL removes items', async () => {
    const { eventId } = await eventWithRegistrant();
    const link = await stl.call<{ id: string }>('POST', `/api/events/${eventId}/kit/links`, {
      title: 'Metodología',
      url: 'https://infoem.org.mx/metodologia.pdf',
    });
    expect(link.status).toBe(201);
    const badLink = await stl.call<ErrorBody>('POST', `/api/events/${eventId}/kit/links`, {
      title: 'Peligro',
      url: 'javascript:alert(1)',
    });
    expect(badLink.status).toBe(400);
    const file = kitItemSchema.parse(await (await upload(eventId, ODT, 'contexto.odt')).json());
    const seating = seatingSchema.parse((await stl.call<unknown>('POST', `/api/events/${eventId}/tables`)).body);
    const mesaId = seating.tables[0]!.mesaId;
    const observer = await stl.call<RotatedLink>('POST', `/api/mesas/${mesaId}/links/observer`);
    const inMesa = await fetch(`${t.baseUrl}/api/mesas/${mesaId}/kit`, {
      headers: { authorization: `Bearer ${observer.body.token}` },
    });
    const kit = mesaKitSchema.parse(await inMesa.json());
    expect(kit.eventId).toBe(eventId);
    expect(kit.items.map((i) => i.title)).toEqual(['Metodología', 'Árbol de problemas']);
    const download = await fetch(`${t.baseUrl}/api/events/${eventId}/kit/files/${file.id}`, {
      headers: { authorization: `Bearer ${observer.body.token}` },
    });
    expect(download.headers.get('content-type')).toBe('application/vnd.oasis.opendocument.text');
    expect((await stl.call('DELETE', `/api/events/${eventId}/kit/${link.body.id}`)).status).toBe(204);
    expect((await stl.call('DELETE', `/api/events/${eventId}/kit/${link.body.id}`)).status).toBe(404);
    expect((await kitOf(eventId)).map((i) => i.id)).toEqual([file.id]);
  });
});
