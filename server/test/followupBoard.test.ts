import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BOARD_CSV_COLUMNS,
  boardViewSchema,
  publicCommitmentSchema,
  type Board,
  type BoardView,
  type EvidenceFile,
  type RecordedProgress,
} from '@cocrea/shared';
import { asAdmin, moveThrough, saveVersion } from './support/review';
import { StlBrowser, bootstrapMember, type ErrorBody } from './support/stlBrowser';
import { ADMIN_TOKEN, startTestServer, type CreatedMesa, type TestServer } from './support/testServer';

let t: TestServer;
let mesa: CreatedMesa;
beforeEach(async () => {
  t = await startTestServer();
  mesa = await t.createMesa({ title: 'Mesa Infoem', theme: 'cultura de gobierno abierto' });
});
afterEach(() => t.close());

const progressPath = (activityId: string, m = mesa) => `/api/followup/mesas/${m.mesa.id}/activities/${activityId}`;
const evidence = {
  level: 'sustancial',
  evidence: [{ kind: 'link', title: 'Estudio', url: 'https://infoem.org.mx/estudio.pdf' }],
  note: 'Borrador del estudio.',
};

async function board(): Promise<{ status: number; body: Board; headers: Headers }> {
  const res = await fetch(`${t.baseUrl}/api/tablero`);
  return { status: res.status, body: (await res.json()) as Board, headers: res.headers };
}

describe('the public board', () => {
  it('is empty, and licensed, until something is published', async () => {
    await saveVersion(t, mesa);
    const answer = await board();
    expect(answer.status).toBe(200);
    expect(answer.body.commitments).toEqual([]);
    expect(answer.body.license.url).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(answer.headers.get('link')).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    expect(answer.headers.get('cache-control')).toBe('public, max-age=60');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('shows the published version, and the next one once it is published instead', async () => {
    await saveVersion(t, mesa, { finalResult: 'Resultado de la versión uno.' });
    await saveVersion(t, mesa, { finalResult: 'Resultado de la versión dos.' });
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    let shown = (await board()).body.commitments;
    expect(shown.map((c) => [c.mesaTitle, c.version, c.roadmap.finalResult])).toEqual([
      ['Mesa Infoem', 1, 'Resultado de la versión uno.'],
    ]);
    expect(shown[0]!.linesOfAction.map((l) => l.activities.length)).toEqual([3, 2, 2]);
    await moveThrough(t, mesa.mesa.id, 2, ['en_revision', 'aprobado', 'publicado']);
    shown = (await board()).body.commitments;
    expect(shown.map((c) => c.version)).toEqual([2]);
  });

  it('keeps its ETag until it changes, so a reader revalidates for a 304; updatedAt says what changed last', async () => {
    expect((await board()).body.updatedAt).toBeNull();
    await saveVersion(t, mesa);
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    const published = await board();
    expect(published.body.updatedAt).toBe(published.body.commitments[0]!.publishedAt);
    const etag = published.headers.get('etag');
    expect(etag).toBeTruthy();
    // As a browser revalidates its cached copy: fetch() would otherwise add "Cache-Control: no-cache" to a
    // conditional request, which asks the server for the whole answer.
    const again = await fetch(`${t.baseUrl}/api/tablero`, {
      headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);

    const recorded = await asAdmin(t, 'PUT', progressPath('la1-a1'), evidence);
    expect(recorded.status).toBe(200);
    const changed = await board();
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.body.updatedAt).toBe((recorded.body as RecordedProgress).updatedAt);
  });

  it('is also CSV, one row per activity, with the licence in a Link header', async () => {
    await saveVersion(t, mesa);
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    const res = await fetch(`${t.baseUrl}/api/tablero.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('link')).toContain('rel="license"');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(BOARD_CSV_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(lines).toHaveLength(1 + 7);
  });

  it('serves its data dictionary, which documents every CSV column and JSON field', async () => {
    await saveVersion(t, mesa);
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    const res = await fetch(`${t.baseUrl}/api/tablero/diccionario`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const text = await res.text();
    for (const column of BOARD_CSV_COLUMNS) expect(text, column).toContain(`\`${column}\``);
    const lines = text.split('\n');
    for (const path of leafPaths((await board()).body)) {
      // A field has its own row, or its object's row lists it inline (`{ name, position, institution }`).
      const key = path.slice(path.lastIndexOf('.') + 1);
      const documented = ancestors(path).some((at) =>
        lines.some((line) => line.includes(`${at}\``) && (at === path || line.includes(key))),
      );
      expect(documented, path).toBe(true);
    }
  });
});

describe('follow-up', () => {
  it('records an activity’s progress with evidence, shown on the board, the latest record current', async () => {
    await saveVersion(t, mesa);
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    await bootstrapMember(t, { email: 'sara@infoem.org.mx', name: 'Sara Gómez', password: 'seguimiento 2026' });
    const sara = new StlBrowser(t);
    await sara.login('sara@infoem.org.mx', 'seguimiento 2026');
    const first = await sara.call<RecordedProgress>('PUT', progressPath('la1-a2'), evidence);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ activityId: 'la1-a2', level: 'sustancial' });
    const later = await asAdmin(t, 'PUT', progressPath('la1-a2'), { ...evidence, level: 'completo' });
    expect(later.status).toBe(200);
    const activity = (await board()).body.commitments[0]!.linesOfAction[0]!.activities[1]!;
    expect(activity.progress).toMatchObject({
      level: 'completo',
      evidence: evidence.evidence,
      note: 'Borrador del estudio.',
    });
  });

  it('only takes activities of a published version, and evidence as titled http(s) links or files', async () => {
    await saveVersion(t, mesa);
    const unpublished = await asAdmin<ErrorBody>(t, 'PUT', progressPath('la1-a1'), evidence);
    expect(unpublished.status).toBe(404);
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    expect((await asAdmin(t, 'PUT', progressPath('no-existe'), evidence)).status).toBe(404);
    const bad = await asAdmin<ErrorBody>(t, 'PUT', progressPath('la1-a1'), {
      level: 'completo',
      evidence: [{ kind: 'link', title: 'Acta', url: 'javascript:alert(1)' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.['evidence.0.url']).toBe(
      'Cada enlace de evidencia debe ser una dirección http(s) válida.',
    );
    // A bare URL, as evidence was sent before it had titles, is refused with what to send instead.
    const bare = await asAdmin<ErrorBody>(t, 'PUT', progressPath('la1-a1'), {
      level: 'completo',
      evidence: ['https://x.mx'],
    });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields?.['evidence.0']).toContain('{ kind: "link", title, url }');
  });

  it('takes a PDF or an image as evidence, published for download only once progress cites it', async () => {
    await saveVersion(t, mesa);
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    const upload = async (bytes: Buffer, name: string, activityId = 'la1-a1') => {
      const res = await fetch(`${t.baseUrl}${progressPath(activityId)}/files?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        // What the sender says the type is counts for nothing.
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/html' },
        body: new Uint8Array(bytes),
      });
      return { status: res.status, body: (await res.json()) as EvidenceFile & ErrorBody };
    };
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const photo = await upload(png, 'foto de la sesión.PNG');
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({ fileName: 'foto de la sesión.png', mediaType: 'image/png', size: png.length });
    const html = await upload(Buffer.from('<html><script>alert(1)</script>'), 'acta.pdf');
    expect([html.status, html.body.error.code]).toEqual([415, 'unsupported_file_type']);
    const tooBig = await upload(Buffer.concat([Buffer.from('%PDF-1.7'), Buffer.alloc(20 * 1024 * 1024)]), 'a.pdf');
    expect(tooBig.status).toBe(413);

    const download = () => fetch(`${t.baseUrl}/api/tablero/evidencias/${photo.body.id}`);
    expect((await download()).status).toBe(404);
    const recorded = await asAdmin<RecordedProgress>(t, 'PUT', progressPath('la1-a1'), {
      level: 'sustancial',
      evidence: [
        { kind: 'file', title: 'Fotografía de la sesión', fileId: photo.body.id },
        { kind: 'link', title: 'Minuta', url: 'https://infoem.org.mx/minuta.pdf' },
      ],
    });
    expect(recorded.status).toBe(200);
    const cited = (await board()).body.commitments[0]!.linesOfAction[0]!.activities[0]!.progress.evidence;
    expect(cited).toEqual([
      {
        kind: 'file',
        title: 'Fotografía de la sesión',
        url: `/api/tablero/evidencias/${photo.body.id}`,
        fileId: photo.body.id,
        fileName: 'foto de la sesión.png',
        mediaType: 'image/png',
        size: png.length,
      },
      { kind: 'link', title: 'Minuta', url: 'https://infoem.org.mx/minuta.pdf' },
    ]);
    const res = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);

    // Another activity cannot cite it; a newer record that drops it unpublishes it.
    const elsewhere = await asAdmin<ErrorBody>(t, 'PUT', progressPath('la1-a2'), {
      level: 'sustancial',
      evidence: [{ kind: 'file', title: 'Fotografía', fileId: photo.body.id }],
    });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([400, 'evidence_file_not_found']);
    await asAdmin(t, 'PUT', progressPath('la1-a1'), evidence);
    expect((await download()).status).toBe(404);
  });
});

describe('the board at a glance', () => {
  async function view(query = ''): Promise<BoardView> {
    const res = await fetch(`${t.baseUrl}/api/tablero/vista${query}`);
    expect(res.status).toBe(200);
    return boardViewSchema.parse(await res.json());
  }

  it('summarises, searches, filters and pages the published commitments; each has its own address', async () => {
    const mesas = [mesa];
    for (let i = 2; i <= 23; i++) {
      mesas.push(await t.createMesa({ title: `Mesa ${i}`, theme: i % 2 === 0 ? 'movilidad' : 'seguridad' }));
    }
    for (const [i, m] of mesas.entries()) {
      await saveVersion(t, m, {
        title: `Compromiso número ${i + 1}`,
        theme: m === mesa ? 'cultura-de-gobierno-abierto' : i % 2 === 1 ? 'movilidad' : 'seguridad',
        leadInstitution: i % 2 === 1 ? 'Secretaría de Movilidad' : 'Infoem',
      });
      await moveThrough(t, m.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    }
    await asAdmin(t, 'PUT', progressPath('la1-a1'), { ...evidence, level: 'completo' });

    const all = await view();
    expect([all.total, all.page, all.pageCount, all.commitments.length]).toEqual([23, 1, 2, 20]);
    expect((await view('?page=2')).commitments).toHaveLength(3);
    expect(all.institutions).toEqual(['Infoem', 'Secretaría de Movilidad']);
    const themes = all.summary.flatMap((plan) => plan.themes);
    expect(themes.map((s) => [s.theme, s.commitments.total])).toEqual([
      ['movilidad', 11],
      ['seguridad', 11],
      ['cultura-de-gobierno-abierto', 1],
    ]);
    expect(themes[2]!.commitments).toMatchObject({ limitado: 1 });
    expect(themes[2]!.activities).toMatchObject({ total: 7, concluida: 1 });

    expect((await view('?theme=movilidad')).total).toBe(11);
    expect((await view('?institution=Infoem')).total).toBe(12);
    expect((await view('?status=limitado')).commitments.map((c) => c.mesaId)).toEqual([mesa.mesa.id]);
    expect((await view('?q=n%C3%BAmero%2017')).commitments.map((c) => c.title)).toEqual(['Compromiso número 17']);

    const own = await fetch(`${t.baseUrl}/api/tablero/compromisos/${mesa.mesa.id}`);
    expect(own.status).toBe(200);
    const commitment = publicCommitmentSchema.parse(await own.json());
    expect([commitment.title, commitment.completion]).toEqual(['Compromiso número 1', 'limitado']);
  });
});

/** The path of every leaf (text, number, list of texts) of a JSON value: `commitments[].roadmap.startDate`. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    return typeof value[0] === 'object' && value[0] !== null ? leafPaths(value[0], `${prefix}[]`) : [prefix];
  }
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

/** A path and the paths of the objects it is in, as the dictionary writes them (`….activities[]` abbreviated). */
function ancestors(path: string): string[] {
  const result: string[] = [];
  for (let at = path; at !== ''; at = /^(.*)(\[\]|\.[^.[\]]*)$/.exec(at)?.[1] ?? '') {
    result.push(at.replace(/^.*\.activities\[\]/, '….activities[]'));
  }
  return result;
}
