import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { MessageType } from '@cocrea/shared';
import { moveThrough, saveVersion } from './support/review';
import { ADMIN_TOKEN, startTestServer, type CreatedMesa, type TestServer } from './support/testServer';

let t: TestServer;
let mesa: CreatedMesa;
beforeEach(async () => {
  t = await startTestServer();
  mesa = await t.createMesa({ title: 'Mesa de texto' });
});
afterEach(() => t.close());

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** A lone surrogate, as a Yjs text can hold one and a saved commitment carries it. */
const LONE = 'Resultado \uD83D final';

/** The body as bytes, checked to be UTF-8 and to hold no escaped surrogate that would decode to a lone one. */
async function wellFormedBody(res: Response): Promise<string> {
  expect(res.status).toBeLessThan(300);
  const text = strictUtf8.decode(await res.arrayBuffer());
  expect(text).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
  return text;
}

describe('shared text goes out well-formed: a lone surrogate becomes U+FFFD', () => {
  it('in the saved version, the review view, the board and its CSV', async () => {
    // The commitment statement: in every output, the CSV's `compromiso` column included.
    const saved = await saveVersion(t, mesa, { commitment: LONE });
    expect(saved.commitment.commitment).toBe('Resultado \uFFFD final');
    const auth = { authorization: `Bearer ${mesa.tokens.participant}` };
    const version = JSON.parse(
      await wellFormedBody(
        await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/commitment/versions/1`, { headers: auth }),
      ),
    ) as { commitment: { commitment: string } };
    expect(version.commitment.commitment).toBe('Resultado \uFFFD final');

    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    await wellFormedBody(await fetch(`${t.baseUrl}/api/review/mesas/${mesa.mesa.id}/versions/1`, { headers: admin }));
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    const board = await wellFormedBody(await fetch(`${t.baseUrl}/api/tablero`));
    expect(board).toContain('Resultado \uFFFD final');
    const csv = await wellFormedBody(await fetch(`${t.baseUrl}/api/tablero.csv`));
    expect(csv).toContain('Resultado \uFFFD final');
  });

  it('in the agenda, over REST and over the sync socket', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.facilitator}` };
    const current = (await (await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/agenda`, { headers })).json()) as {
      agenda: { stages: { name: string }[] };
    };
    const agenda = structuredClone(current.agenda);
    agenda.stages[0]!.name = `Bienvenida \uDC00`;
    const put = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/agenda`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ agenda }),
    });
    expect(await wellFormedBody(put)).toContain('Bienvenida \uFFFD');

    const ws = new WebSocket(`${t.wsUrl}/${mesa.mesa.id}?token=${mesa.tokens.observer}`);
    const json = await new Promise<string>((resolve) =>
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(data);
        if (decoding.readVarUint(decoder) === MessageType.agenda) resolve(decoding.readVarString(decoder));
      }),
    );
    ws.close();
    expect(json).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
    expect(json).toContain('Bienvenida \uFFFD');
  });
});

describe('names that could spoof are refused at the edge, in Spanish', () => {
  it('a participant’s name with a right-to-left override', async () => {
    const res = await fetch(`${t.baseUrl}/api/mesas/${mesa.mesa.id}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${mesa.tokens.participant}` },
      body: JSON.stringify({
        name: 'Ana \u202Ezeré',
        sector: 'academia',
        organization: '\u200B\u200B',
        acceptsChathamHouse: true,
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields).toEqual({
      name: 'No puede contener caracteres que cambian la dirección del texto.',
      organization: 'Debe contener letras visibles.',
    });
  });

  it('a commitment naming a co-responsible person with NUL', async () => {
    await expect(
      saveVersion(t, mesa, { coResponsible: { organization: 'Infoem', person: 'Ana\u0000' } }),
    ).rejects.toThrow(/400.*caracteres de control/);
  });
});
