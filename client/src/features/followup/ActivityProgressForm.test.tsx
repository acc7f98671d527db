import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicActivity } from '@cocrea/shared';
import { ActivityProgressForm } from './ActivityProgressForm';

/** The follow-up's form for one activity, against a server stand-in: links and a file as evidence, each titled. */

const ACTIVITY: PublicActivity = {
  id: 'la1-a1',
  title: 'Integrar el grupo de trabajo.',
  objective: 'Un grupo de trabajo.',
  verification: 'Acta de instalación.',
  startDate: '2026-03-01',
  endDate: '2026-04-30',
  progress: { level: 'sin_evidencia', evidence: [], note: '', updatedAt: null },
};

let sent: { method: string; url: string; body: unknown }[] = [];

beforeEach(() => {
  sent = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({ method: init.method ?? 'GET', url, body: init.body });
      if (url.includes('/files?')) {
        return Response.json(
          { id: 'actaFirmada12345', fileName: 'acta firmada.pdf', mediaType: 'application/pdf', size: 2048 },
          { status: 201 },
        );
      }
      const progress = JSON.parse(String(init.body)) as { level: string; note: string };
      return Response.json({ ...progress, evidence: [], activityId: 'la1-a1', updatedAt: '2026-12-07T00:00:00.000Z' });
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm(onRecorded = vi.fn()) {
  render(
    <ol>
      <ActivityProgressForm
        mesaId="mesa000000000001"
        position="1.1"
        activity={ACTIVITY}
        csrfToken="csrf"
        onRecorded={onRecorded}
      />
    </ol>,
  );
  return { form: screen.getByRole('form', { name: 'Actividad 1.1: Integrar el grupo de trabajo.' }), onRecorded };
}

describe('recording an activity’s progress', () => {
  it('sends titled links and an uploaded file as its evidence', async () => {
    const { form, onRecorded } = renderForm();
    const f = within(form);
    fireEvent.change(f.getByLabelText('Nivel de avance'), { target: { value: 'sustancial' } });
    fireEvent.change(f.getByLabelText('Título de la evidencia 1'), { target: { value: 'Minuta' } });
    fireEvent.change(f.getByLabelText('Enlace de la evidencia 1'), { target: { value: 'no es un enlace' } });
    await act(async () => fireEvent.submit(form));
    expect(f.getByText('Cada enlace de evidencia debe ser una dirección http(s) válida.')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(f.getByLabelText('Enlace de la evidencia 1'), {
      target: { value: 'https://infoem.org.mx/minuta.pdf' },
    });
    const file = new File(['%PDF-1.7'], 'acta firmada.pdf', { type: 'application/pdf' });
    await act(async () =>
      fireEvent.change(f.getByLabelText('Adjuntar un archivo (PDF o imagen, hasta 20 MB)'), {
        target: { files: [file] },
      }),
    );
    await waitFor(() => expect(f.getByText(/Archivo de la evidencia 2: acta firmada\.pdf/)).toBeTruthy());
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: '/api/followup/mesas/mesa000000000001/activities/la1-a1/files?name=acta+firmada.pdf',
    });
    expect((f.getByLabelText('Título de la evidencia 2') as HTMLInputElement).value).toBe('acta firmada');

    await act(async () => fireEvent.submit(form));
    await waitFor(() => expect(onRecorded).toHaveBeenCalled());
    expect(sent[1]!.method).toBe('PUT');
    expect(JSON.parse(String(sent[1]!.body))).toEqual({
      level: 'sustancial',
      evidence: [
        { kind: 'link', title: 'Minuta', url: 'https://infoem.org.mx/minuta.pdf' },
        { kind: 'file', title: 'acta firmada', fileId: 'actaFirmada12345' },
      ],
      note: '',
    });
  });

  it('says a file is too big before sending it', async () => {
    const { form } = renderForm();
    const big = new File(['x'], 'plano.png', { type: 'image/png' });
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });
    await act(async () =>
      fireEvent.change(within(form).getByLabelText('Adjuntar un archivo (PDF o imagen, hasta 20 MB)'), {
        target: { files: [big] },
      }),
    );
    expect(within(form).getByRole('alert').textContent).toBe('El archivo pesa más de 20 MB.');
    expect(sent).toEqual([]);
  });
});
