import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProactivePhase } from '@cocrea/shared';
import { PhaseStepper } from './PhaseStepper';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const MESA_ID = 'compromisoProact';
const TOKEN = 't'.repeat(43);
const mesaAt = (phase: number) => ({
  id: MESA_ID,
  title: 'Compromiso Proactivo del IEEM',
  theme: 'fortalecimiento-de-la-democracia',
  date: '2026-12-07',
  createdAt: '2026-12-07T16:00:00.000Z',
  closedAt: null,
  kind: 'proactivo',
  phase,
});
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function renderStepper(phase: ProactivePhase, canMove: boolean, onMoved = vi.fn()) {
  render(<PhaseStepper mesaId={MESA_ID} token={TOKEN} phase={phase} canMove={canMove} onMoved={onMoved} />);
  return onMoved;
}

describe('the five phases of a compromiso proactivo', () => {
  it('lists the phases in order and marks the current one as the step', () => {
    renderStepper(3, false);
    expect(screen.getByRole('heading', { name: 'Compromiso proactivo · fase 3 de 5' })).toBeTruthy();
    const steps = screen.getAllByRole('listitem');
    expect(steps.map((li) => li.textContent)).toEqual([
      '1Propuesta de un integrante del STL',
      '2Árbol de problemas',
      '3Diálogo abierto con organizaciones',
      '4Hoja de ruta',
      '5Publicación',
    ]);
    expect(steps.map((li) => li.getAttribute('aria-current'))).toEqual([null, null, 'step', null, null]);
    expect(screen.getByText(/invita a las organizaciones con el enlace para participantes/)).toBeTruthy();
    // Whoever is not the STL follows: no buttons.
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('moves one step from the phase shown, with the link, and reports the server’s phase', async () => {
    const fetch = vi.fn(() => Promise.resolve(json({ mesa: mesaAt(3) })));
    vi.stubGlobal('fetch', fetch);
    const onMoved = renderStepper(2, true);
    fireEvent.click(screen.getByRole('button', { name: 'Siguiente fase: Diálogo abierto con organizaciones' }));
    await waitFor(() => expect(onMoved).toHaveBeenCalledWith(3));
    expect(fetch).toHaveBeenCalledWith(`/api/mesas/${MESA_ID}/phase`, expect.objectContaining({ method: 'POST' }));
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(JSON.parse(init.body as string)).toEqual({ from: 2, to: 3 });
    expect((init.headers as Record<string, string>).authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('offers no step before the first nor after the last; a refused move says why and shows the phase it is at', async () => {
    vi.stubGlobal('fetch', (path: string) =>
      Promise.resolve(
        path.endsWith('/session')
          ? json({ mesa: mesaAt(2), role: 'facilitator', participant: null })
          : json({ error: { code: 'stale_phase', message: 'El compromiso ya cambió de fase.' } }, 409),
      ),
    );
    const onMoved = renderStepper(5, true);
    expect(screen.queryByRole('button', { name: /^Siguiente fase/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Fase anterior' }));
    expect((await screen.findByRole('alert')).textContent).toBe('El compromiso ya cambió de fase.');
    expect(onMoved).toHaveBeenCalledWith(2);
    cleanup();
    renderStepper(1, true);
    expect(screen.queryByRole('button', { name: 'Fase anterior' })).toBeNull();
  });
});
