import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlenaryTable } from '@cocrea/shared';
import { PlenaryTableCard } from './PlenaryTableCard';

afterEach(cleanup);

const NOBODY = {
  'servidor-publico': 0,
  academia: 0,
  'sociedad-civil': 0,
  'comite-participacion-ciudadana': 0,
  'organismo-autonomo': 0,
  otro: 0,
};

function table(change: Partial<PlenaryTable> = {}): PlenaryTable {
  return {
    number: 3,
    mesaId: 'AAAAAAAAAAAAAAAA',
    seated: 8,
    agenda: {
      status: 'running',
      stageIndex: 2,
      stageCount: 8,
      stageName: 'Árbol de problemas',
      endsAt: 1_000_000 + 125_000,
      remainingMs: null,
    },
    present: { ...NOBODY, 'servidor-publico': 2, academia: 1 },
    save: { connected: true, pending: 0, lastSavedAt: null },
    latestVersion: null,
    ...change,
  };
}

const card = () => screen.getByRole('article', { name: 'Mesa 3' });

describe('a table in the plenary', () => {
  it('counts down to the stage’s end on the server’s clock, and says who is present by sector', () => {
    render(
      <ul>
        <PlenaryTableCard table={table()} serverNow={1_000_000} />
      </ul>,
    );
    expect(card().textContent).toContain('Etapa 2 · En curso');
    expect(card().textContent).toContain('Árbol de problemas');
    expect(card().textContent).toContain('Tiempo restante 02:05');
    expect(card().textContent).toContain('Presentes: 3 de 8');
    expect(
      within(card())
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Servidor público: 2', 'Academia: 1']);
    expect(card().textContent).toContain('Todo guardado');
    expect(card().textContent).toContain('Sin versiones del compromiso');
  });

  it('says overtime in words, unsaved changes, nobody connected and the latest version with its status', () => {
    const { rerender } = render(
      <ul>
        <PlenaryTableCard
          table={table({
            save: { connected: true, pending: 3, lastSavedAt: null },
            latestVersion: { number: 2, savedAt: '2026-12-10T16:00:00.000Z', status: 'en_revision' },
          })}
          serverNow={1_000_000 + 190_000}
        />
      </ul>,
    );
    expect(card().textContent).toContain('Tiempo excedido -01:05');
    expect(card().className).toContain('is-overtime');
    expect(card().textContent).toContain('Guardando 3 cambios…');
    expect(card().textContent).toContain('Versión 2 del compromiso · En revisión');
    rerender(
      <ul>
        <PlenaryTableCard
          table={table({ present: NOBODY, save: { connected: false, pending: 0, lastSavedAt: null } })}
          serverNow={null}
        />
      </ul>,
    );
    expect(card().textContent).toContain('--:--');
    expect(card().textContent).toContain('Nadie tiene la mesa abierta.');
    expect(card().textContent).toContain('Sin nadie conectado: todo guardado');
  });
});
