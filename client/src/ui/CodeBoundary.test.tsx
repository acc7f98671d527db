import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { lazy } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodeBoundary } from './CodeBoundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A part of the app whose code download ends as `outcome` says. */
function partThat(outcome: 'loads' | 'failsToDownload' | 'throws') {
  return lazy(async () => {
    if (outcome === 'failsToDownload') throw new TypeError('Failed to fetch dynamically imported module: /x.js');
    return {
      default: () => {
        if (outcome === 'throws') throw new Error('a bug');
        return <p>La herramienta</p>;
      },
    };
  });
}

function renderPart(outcome: 'loads' | 'failsToDownload' | 'throws') {
  const Part = partThat(outcome);
  // React logs the errors a boundary catches; they are expected here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  render(
    <CodeBoundary loading={<p>Cargando…</p>}>
      <Part />
    </CodeBoundary>,
  );
}

describe('CodeBoundary', () => {
  it('shows the loading line, then the part once its code arrives', async () => {
    renderPart('loads');
    expect(screen.getByText('Cargando…')).toBeTruthy();
    expect(await screen.findByText('La herramienta')).toBeTruthy();
  });

  it('says in Spanish that a download failed, and reloads the page to try again', async () => {
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    renderPart('failsToDownload');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/No se pudo descargar esta parte de Cocrea/);
    fireEvent.click(screen.getByRole('button', { name: 'Intentar de nuevo' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('says something unexpected happened when the part itself fails', async () => {
    renderPart('throws');
    expect((await screen.findByRole('alert')).textContent).toMatch(/Ocurrió un error inesperado/);
  });
});
