import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fileEvidence, publicCommitment, type RecordedProgress } from '@cocrea/shared';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { CommitmentCard } from './CommitmentCard';

afterEach(cleanup);

const progress = (activityId: string, level: RecordedProgress['level']): RecordedProgress => ({
  activityId,
  level,
  evidence: [
    { kind: 'link', title: '', url: 'https://infoem.org.mx/minuta.pdf' },
    fileEvidence('Acta firmada', {
      id: 'actaFirmada12345',
      fileName: 'acta.pdf',
      mediaType: 'application/pdf',
      size: 2048,
    }),
  ],
  note: '',
  updatedAt: '2026-12-02T00:00:00.000Z',
});

const commitment = publicCommitment({
  mesa: { id: 'infoemProactivo1', title: 'Mesa Infoem' },
  plan: { id: 'planLocal2026AAA', title: 'Plan de Acción Local 2026–2028' },
  version: 1,
  publishedAt: '2026-12-01T18:00:00.000Z',
  commitment: seed004Commitment,
  progress: [progress('la1-a1', 'completo'), progress('la1-a2', 'completo'), progress('la2-a1', 'limitado')],
});

describe('a commitment on the board', () => {
  it('says its progress in words beside its bar, which assistive technology skips', () => {
    render(<CommitmentCard commitment={commitment} today="2021-07-01" />);
    const card = screen.getByRole('article', { name: 'Compromiso Proactivo del Infoem' });
    expect(card.textContent).toContain('2 de 7 actividades concluidas');
    expect(card.textContent).toContain('Avance del compromiso: Limitado');
    expect(card.querySelector('.progress-bar')?.getAttribute('aria-hidden')).toBe('true');
    expect(within(card).getByRole('link', { name: 'Compromiso Proactivo del Infoem' }).getAttribute('href')).toBe(
      '/tablero/compromisos/infoemProactivo1',
    );
  });

  it('shows every activity with its status on the day, its progress and its evidence', () => {
    render(<CommitmentCard commitment={commitment} today="2021-07-01" />);
    const first = screen.getByRole('list', { name: 'Actividades de la línea de acción 1' });
    const cards = within(first)
      .getAllByRole('listitem', { name: undefined })
      .filter((li) => li.className === 'activity-card');
    expect(cards).toHaveLength(3);
    expect(cards[0]!.textContent).toContain('Concluida');
    expect(cards[0]!.textContent).toContain('Avance: Completo');
    // An untitled link (recorded before evidence had titles) is named by its position; a file by its title.
    const evidence = within(cards[0]!).getByRole('list', { name: 'Evidencia de la actividad 1.1' });
    expect(within(evidence).getByRole('link', { name: 'Evidencia 1 de la actividad 1.1' }).getAttribute('href')).toBe(
      'https://infoem.org.mx/minuta.pdf',
    );
    expect(within(evidence).getByRole('link', { name: 'Acta firmada' }).getAttribute('href')).toBe(
      '/api/tablero/evidencias/actaFirmada12345',
    );
    expect(evidence.textContent).toContain('(PDF, 2 kB)');
    // 1.3 runs from November 2021: not started on 1 July; 2.2 ended on 15 October 2021: late by 2022.
    expect(cards[2]!.textContent).toContain('Por iniciar');
    render(<CommitmentCard commitment={commitment} today="2022-01-01" />);
    expect(screen.getAllByText('Atrasada').length).toBeGreaterThan(0);
  });
});
