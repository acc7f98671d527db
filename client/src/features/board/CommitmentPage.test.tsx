import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { publicCommitment } from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { CommitmentPage } from './CommitmentPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const MESA = 'infoemProactivo1';

describe('a commitment’s own page', () => {
  it('shows the whole commitment, a link to share it, and its cronograma', async () => {
    const commitment = publicCommitment({
      mesa: { id: MESA, title: 'Mesa Infoem' },
      plan: { id: 'planLocal2026AAA', title: 'Plan de Acción Local 2026–2028' },
      version: 2,
      publishedAt: '2026-12-01T18:00:00.000Z',
      commitment: seed004Commitment,
      progress: [],
    });
    const fetch = vi.fn(async () => Response.json(commitment));
    vi.stubGlobal('fetch', fetch);
    render(<CommitmentPage mesaId={MESA} />);
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Compromiso Proactivo del Infoem' })).toBeTruthy(),
    );
    expect(fetch).toHaveBeenCalledWith(`/api/tablero/compromisos/${MESA}`, expect.anything());
    expect((screen.getByLabelText('Enlace para compartir este compromiso') as HTMLInputElement).value).toBe(
      `${window.location.origin}/tablero/compromisos/${MESA}`,
    );
    expect(screen.getByText('0 de 7 actividades concluidas')).toBeTruthy();
    expect(screen.getByText('Plan: Plan de Acción Local 2026–2028')).toBeTruthy();
    expect(screen.getByText(seed004Commitment.coResponsible.organization)).toBeTruthy();
    expect(screen.getByRole('table', { name: /Cronograma del compromiso/ })).toBeTruthy();
    expect(document.body.textContent).not.toContain(seed004Commitment.coResponsible.person);
  });

  it('says when the mesa has nothing published, in the server’s words', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json(
          { error: { code: 'commitment_not_found', message: 'Esa mesa no tiene un compromiso publicado.' } },
          { status: 404 },
        ),
      ),
    );
    render(<CommitmentPage mesaId={MESA} />);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Esa mesa no tiene un compromiso publicado.'),
    );
  });
});
