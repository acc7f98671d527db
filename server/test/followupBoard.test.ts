import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOARD_CSV_COLUMNS, type Board, type RecordedProgress } from '@cocrea/shared';
import { asAdmin, moveThrough, saveVersion } from './support/review';
import { StlBrowser, bootstrapMember, type ErrorBody } from './support/stlBrowser';
import { startTestServer, type CreatedMesa, type TestServer } from './support/testServer';

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
  evidence: ['https://infoem.org.mx/estudio.pdf'],
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
      evidence: ['https://infoem.org.mx/estudio.pdf'],
      note: 'Borrador del estudio.',
    });
  });

  it('only takes activities of a published version, and evidence as http(s) links', async () => {
    await saveVersion(t, mesa);
    const unpublished = await asAdmin<ErrorBody>(t, 'PUT', progressPath('la1-a1'), evidence);
    expect(unpublished.status).toBe(404);
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    expect((await asAdmin(t, 'PUT', progressPath('no-existe'), evidence)).status).toBe(404);
    const bad = await asAdmin<ErrorBody>(t, 'PUT', progressPath('la1-a1'), {
      level: 'completo',
      evidence: ['javascript:alert(1)'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.['evidence.0']).toBe('Cada evidencia debe ser un enlace http(s) válido.');
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
