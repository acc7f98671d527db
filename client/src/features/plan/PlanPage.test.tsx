import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyAttendance } from '@cocrea/shared';
import { PlanPage } from './PlanPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PLAN_ID = 'planDeAccion0001';
const MESA = {
  id: 'compromisoProact',
  title: 'Compromiso Proactivo del IEEM',
  theme: 'fortalecimiento-de-la-democracia',
  date: '2026-12-07',
  createdAt: '2026-12-07T16:00:00.000Z',
  closedAt: null,
  kind: 'proactivo',
  phase: 1,
};
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const detail = (mesas: unknown[]) => ({
  plan: {
    id: PLAN_ID,
    title: 'Primer Plan de Acción Local',
    period: '2026–2028',
    entity: 'Estado de México',
    privacyNotice: 'Aviso de privacidad del plan de la prueba.',
    createdAt: '2026-12-01T16:00:00.000Z',
  },
  events: [],
  mesas,
});
const link = (role: string) => `http://localhost/mesa/${MESA.id}#k=${role}`;

describe('a compromiso proactivo from the plan page', () => {
  it('is proposed in the plan, shows its three links once by what each is for, and is listed at its phase', async () => {
    let created = false;
    const fetch = vi.fn((path: string, init?: RequestInit) => {
      if (path === '/api/mesas' && init?.method === 'POST') {
        created = true;
        return Promise.resolve(
          json(
            {
              mesa: MESA,
              links: { facilitator: link('f'), participant: link('p'), observer: link('o') },
              tokens: { facilitator: 'f', participant: 'p', observer: 'o' },
            },
            201,
          ),
        );
      }
      return Promise.resolve(json(detail(created ? [{ ...MESA, attendance: emptyAttendance() }] : [])));
    });
    vi.stubGlobal('fetch', fetch);
    const session = {
      member: { id: 'integranteDelSTL', email: 'irma@ieem.org.mx', name: 'Irma', role: 'stl' as const, createdAt: '' },
      csrfToken: 'csrf',
    };
    render(<PlanPage session={session} onLoggedOut={() => {}} planId={PLAN_ID} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Nuevo compromiso proactivo' }));
    const form = screen.getByRole('form', { name: 'Nuevo compromiso proactivo' });
    fireEvent.change(within(form).getByLabelText('Título del compromiso'), { target: { value: MESA.title } });
    fireEvent.change(within(form).getByLabelText('Eje'), { target: { value: MESA.theme } });
    fireEvent.change(within(form).getByLabelText('Fecha de la propuesta'), { target: { value: MESA.date } });
    fireEvent.click(within(form).getByRole('button', { name: 'Proponer compromiso' }));

    const links = await screen.findByRole('region', { name: `Enlaces de «${MESA.title}»` });
    const sent = fetch.mock.calls.find(([path, init]) => path === '/api/mesas' && init?.method === 'POST');
    expect(JSON.parse(sent![1]!.body as string)).toEqual({
      title: MESA.title,
      theme: MESA.theme,
      date: MESA.date,
      planId: PLAN_ID,
      kind: 'proactivo',
    });
    expect(
      (within(links).getByLabelText('Enlace de invitación para organizaciones (fase 3)') as HTMLInputElement).value,
    ).toBe(link('p'));
    expect(
      (within(links).getByLabelText('Su enlace para conducir el compromiso (STL)') as HTMLInputElement).value,
    ).toBe(link('f'));
    await waitFor(() =>
      expect(screen.getByText('Compromiso proactivo · fase 1 de 5: Propuesta de un integrante del STL')).toBeTruthy(),
    );
  });
});
