import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boardQuerySchema, boardView, publicCommitment, THEMES, type Theme } from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { Board } from './Board';

/**
 * The board page against a server stand-in that answers `/api/tablero/vista` with the shared `boardView`, as the
 * real one does: the search and filters go into the address and the request, and what comes back is shown.
 */

const themes = Object.keys(THEMES) as Theme[];
const BOARD = Array.from({ length: 25 }, (_, i) =>
  publicCommitment({
    mesa: { id: `mesa${String(i + 1).padStart(12, '0')}`, title: `Mesa ${i + 1}` },
    plan: null,
    version: 1,
    publishedAt: '2026-12-01T18:00:00.000Z',
    commitment: {
      ...seed004Commitment,
      title: `Compromiso ${i + 1}`,
      theme: themes[(i + 1) % 6]!,
      leadInstitution: i % 2 === 0 ? 'Infoem' : 'Secretaría de Movilidad',
    },
    progress: [],
  }),
);

let requested: string[] = [];

beforeEach(() => {
  requested = [];
  window.history.replaceState(null, '', '/tablero');
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      requested.push(input);
      const url = new URL(input, 'http://localhost');
      const query = boardQuerySchema.parse(Object.fromEntries(url.searchParams));
      const body = boardView(BOARD, query, '2021-07-01', null);
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const results = () => screen.getByRole('status', { name: '' });

describe('the board page', () => {
  it('shows the summary and the first twenty, then searches, filters and pages through the address', async () => {
    render(<Board />);
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(20));
    expect(results().textContent).toBe('Se encontraron 25 compromisos. Página 1 de 2.');
    expect(screen.getByRole('region', { name: 'El tablero de un vistazo' }).textContent).toContain(
      'Medio ambiente: 5 compromisos',
    );

    fireEvent.change(screen.getByLabelText('Buscar', { exact: true }), { target: { value: 'compromiso 17' } });
    await act(async () => fireEvent.submit(screen.getByRole('search')));
    await waitFor(() => expect(results().textContent).toBe('Se encontró 1 compromiso. Página 1 de 1.'));
    expect(window.location.search).toBe('?q=compromiso+17');
    expect(requested.at(-1)).toBe('/api/tablero/vista?q=compromiso+17');
    expect(screen.getByRole('article', { name: 'Compromiso 17' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Quitar la búsqueda y los filtros' }));
    await waitFor(() => expect(results().textContent).toContain('Se encontraron 25'));
    fireEvent.change(screen.getByLabelText('Tema'), { target: { value: 'movilidad' } });
    fireEvent.change(screen.getByLabelText('Institución responsable'), {
      target: { value: 'Secretaría de Movilidad' },
    });
    await act(async () => fireEvent.submit(screen.getByRole('search')));
    await waitFor(() =>
      expect(window.location.search).toBe('?theme=movilidad&institution=Secretar%C3%ADa+de+Movilidad'),
    );
    // n % 6 === 0 (movilidad) and n even (Secretaría de Movilidad): 6, 12, 18, 24.
    await waitFor(() => expect(results().textContent).toBe('Se encontraron 4 compromisos. Página 1 de 1.'));

    fireEvent.click(screen.getByRole('button', { name: 'Quitar la búsqueda y los filtros' }));
    await waitFor(() => expect(screen.getByRole('navigation', { name: 'Páginas de resultados' })).toBeTruthy());
    fireEvent.click(screen.getByRole('link', { name: 'Página 2' }));
    await waitFor(() => expect(results().textContent).toBe('Se encontraron 25 compromisos. Página 2 de 2.'));
    expect(screen.getAllByRole('article')).toHaveLength(5);
    expect(window.location.search).toBe('?page=2');
  });

  it('says so when nothing is published yet', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json(boardView([], { page: 1 }, '2021-07-01', null))),
    );
    render(<Board />);
    await waitFor(() => expect(screen.getByText('Todavía no hay compromisos publicados.')).toBeTruthy());
    expect(screen.queryByRole('search')).toBeNull();
  });
});
