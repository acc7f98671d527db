import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCause,
  addEffect,
  PLAN_CSV_COLUMNS,
  planOpenDataSchema,
  setText,
  TREE_ROOT_ID,
  type Plan,
} from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { asAdmin, moveThrough, saveVersion } from './support/review';
import { startTestServer, type CreatedMesa, type TestServer } from './support/testServer';

/**
 * The Plan's document as open data: `/api/planes/:planId/datos.json` and `.csv`, every commitment published from
 * the plan's mesas with its problem tree and criteria, checked against the shared schema.
 */
let t: TestServer;
let plan: Plan;
let published: CreatedMesa;
let unpublished: CreatedMesa;
let otherPlans: CreatedMesa;

async function newPlan(title: string): Promise<Plan> {
  const answer = await asAdmin<{ plan: Plan }>(t, 'POST', '/api/plans', {
    title,
    period: '2026–2028',
    entity: 'Estado de México',
  });
  expect(answer.status).toBe(201);
  return answer.body.plan;
}

beforeAll(async () => {
  t = await startTestServer();
  plan = await newPlan('Primer Plan de Acción Local');
  const other = await newPlan('Otro plan');
  published = await t.createMesa({ title: 'Mesa de apertura', theme: 'cultura de gobierno abierto', planId: plan.id });
  unpublished = await t.createMesa({ title: 'Mesa sin publicar', planId: plan.id });
  otherPlans = await t.createMesa({ title: 'Mesa de otro plan', planId: other.id });
  for (const mesa of [published, unpublished, otherPlans]) await saveVersion(t, mesa);
  await moveThrough(t, published.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
  await moveThrough(t, otherPlans.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
  // The mesa's tree, written as a browser would: the problem, a cause and an effect.
  const doc = new Y.Doc();
  setText(doc, TREE_ROOT_ID, 'Baja apertura institucional municipal');
  addCause(doc, TREE_ROOT_ID, 'No hay estudios de apertura');
  addEffect(doc, TREE_ROOT_ID, 'Desconfianza ciudadana');
  await t.storage.appendUpdate(published.mesa.id, Y.encodeStateAsUpdate(doc));
});
afterAll(() => t.close());

describe('the plan’s open data', () => {
  it('has the plan’s published commitments only, each with its tree and criteria, valid by its schema', async () => {
    const res = await fetch(`${t.baseUrl}/api/planes/${plan.id}/datos.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('link')).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const data = planOpenDataSchema.parse(await res.json());
    expect(data.plan).toEqual({ id: plan.id, title: plan.title, period: '2026–2028', entity: 'Estado de México' });
    expect(data.commitments.map((c) => c.mesaTitle)).toEqual(['Mesa de apertura']);
    const [c] = data.commitments;
    expect(c!.problemTree).toEqual({
      kind: 'problema',
      text: 'Baja apertura institucional municipal',
      children: [
        { kind: 'causa', text: 'No hay estudios de apertura', children: [] },
        { kind: 'efecto', text: 'Desconfianza ciudadana', children: [] },
      ],
    });
    expect(c!.criteria.map((k) => [k.id, k.met, k.note])).toEqual(
      (['I', 'II', 'III', 'IV', 'V', 'VI'] as const).map((id) => [
        id,
        seed004Commitment.criteria[id].met,
        seed004Commitment.criteria[id].note,
      ]),
    );
    expect(data.updatedAt).toBe(c!.publishedAt);
  });

  it('is one CSV row per activity, with the plan’s columns', async () => {
    const res = await fetch(`${t.baseUrl}/api/planes/${plan.id}/datos.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(PLAN_CSV_COLUMNS.map((column) => `"${column}"`).join(','));
    const activities = seed004Commitment.linesOfAction.flatMap((line) => line.activities).length;
    expect(lines).toHaveLength(1 + activities);
    expect(lines[1]).toMatch(new RegExp(`^"${plan.id}","Primer Plan de Acción Local","2026–2028","Estado de México"`));
  });

  it('answers 404 in Spanish for an id that is no plan’s, or cannot be one', async () => {
    for (const id of ['planQueNoExiste', 'no-es-un-id', 'x'.repeat(300)]) {
      for (const file of ['datos.json', 'datos.csv']) {
        const res = await fetch(`${t.baseUrl}/api/planes/${id}/${file}`);
        expect(res.status, `${id}/${file}`).toBe(404);
        expect(((await res.json()) as { error: { message: string } }).error.message).toBe('El plan no existe.');
      }
    }
  });

  it('sends a tree’s lone surrogate (a Yjs text can hold one) as U+FFFD, in well-formed UTF-8', async () => {
    const other = await newPlan('Plan con texto roto');
    const mesa = await t.createMesa({ title: 'Mesa de texto', planId: other.id });
    await saveVersion(t, mesa);
    await moveThrough(t, mesa.mesa.id, 1, ['en_revision', 'aprobado', 'publicado']);
    const doc = new Y.Doc();
    setText(doc, TREE_ROOT_ID, 'Problema \uD83D roto');
    await t.storage.appendUpdate(mesa.mesa.id, Y.encodeStateAsUpdate(doc));
    const res = await fetch(`${t.baseUrl}/api/planes/${other.id}/datos.json`);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await res.arrayBuffer());
    expect(text).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
    const data = planOpenDataSchema.parse(JSON.parse(text));
    expect(data.commitments[0]!.problemTree!.text).toBe('Problema \uFFFD roto');
  });

  it('leaves out a plan whose mesas published nothing', async () => {
    const empty = await newPlan('Plan vacío');
    const res = await fetch(`${t.baseUrl}/api/planes/${empty.id}/datos.json`);
    const data = planOpenDataSchema.parse(await res.json());
    expect(data.commitments).toEqual([]);
    expect(data.updatedAt).toBeNull();
  });
});
