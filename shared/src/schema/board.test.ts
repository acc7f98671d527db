import { describe, expect, it } from 'vitest';
import { BOARD_CSV_COLUMNS, BOARD_LICENSE, boardCsvRows, publicCommitment, sortBoard } from './board';
import { fileEvidence } from './evidence';
import { seed004Commitment } from './fixtures/seed004';

const mesa = { id: 'infoemProactivo1', title: 'Mesa Infoem' };
const ACTA = { kind: 'link', title: 'Acta de instalación', url: 'https://infoem.org.mx/acta.pdf' } as const;
const ACTA_FILE = fileEvidence('Acta firmada', {
  id: 'actaFirmada12345',
  fileName: 'acta.pdf',
  mediaType: 'application/pdf',
  size: 1234,
});

function published(progress: Parameters<typeof publicCommitment>[0]['progress'] = []) {
  return publicCommitment({
    mesa,
    plan: { id: 'planLocal2026AAA', title: 'Plan de Acción Local 2026–2028' },
    version: 3,
    publishedAt: '2026-12-01T18:00:00.000Z',
    commitment: seed004Commitment,
    progress,
  });
}

describe('a published commitment', () => {
  it('names the co-responsible organisation but never its person, nor the self-assessment', () => {
    const json = JSON.stringify(published());
    expect(json).toContain(seed004Commitment.coResponsible.organization);
    expect(json).not.toContain(seed004Commitment.coResponsible.person);
    expect(json).not.toContain(seed004Commitment.criteria.I.note);
  });

  it('shows each activity’s recorded progress and rolls it up to the commitment', () => {
    expect(published().completion).toBe('sin_evidencia');
    const board = published([
      {
        activityId: 'la1-a1',
        level: 'completo',
        evidence: [ACTA, ACTA_FILE],
        note: 'Acta de instalación.',
        updatedAt: '2026-12-02T00:00:00.000Z',
      },
      // An activity the version no longer has.
      {
        activityId: 'vieja',
        level: 'completo',
        evidence: [{ kind: 'link', title: 'X', url: 'https://x.mx' }],
        note: '',
        updatedAt: '2026-12-02',
      },
    ]);
    const activity = board.linesOfAction[0]!.activities[0]!;
    expect(activity.progress).toEqual({
      level: 'completo',
      evidence: [ACTA, ACTA_FILE],
      note: 'Acta de instalación.',
      updatedAt: '2026-12-02T00:00:00.000Z',
    });
    expect(board.linesOfAction[0]!.activities[1]!.progress.level).toBe('sin_evidencia');
    expect(board.completion).toBe('limitado');
    expect(JSON.stringify(board)).not.toContain('vieja');
  });
});

describe('the board', () => {
  it('orders commitments by the plan’s themes, then by title', () => {
    const a = { ...published(), theme: 'seguridad' as const, title: 'B', mesaTitle: 'A' };
    const b = { ...published(), theme: 'movilidad' as const, title: 'Z' };
    const c = { ...published(), theme: 'seguridad' as const, title: 'A', mesaTitle: 'B' };
    expect(sortBoard([a, b, c]).map((x) => x.title)).toEqual(['Z', 'A', 'B']);
  });

  it('has one CSV row per activity under the documented header', () => {
    const rows = boardCsvRows({ license: BOARD_LICENSE, updatedAt: null, commitments: [published()] });
    expect(rows[0]).toEqual([...BOARD_CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 7);
    const row = Object.fromEntries(BOARD_CSV_COLUMNS.map((column, i) => [column, rows[2]![i]]));
    expect(row).toMatchObject({
      tema: 'cultura-de-gobierno-abierto',
      mesa: 'Mesa Infoem',
      titulo: 'Compromiso Proactivo del Infoem',
      tipo: 'mesa',
      institucion_responsable: 'Infoem',
      version: '3',
      actividad_numero: '1.2',
      medio_de_verificacion: 'Documento.',
      avance_actividad: 'sin_evidencia',
      evidencias: '',
      plan: 'Plan de Acción Local 2026–2028',
    });
  });

  it('lists the evidence’s addresses and titles, a file’s as its download path', () => {
    const commitment = published([
      { activityId: 'la1-a1', level: 'completo', evidence: [ACTA, ACTA_FILE], note: '', updatedAt: '2026-12-02' },
    ]);
    const rows = boardCsvRows({ license: BOARD_LICENSE, updatedAt: null, commitments: [commitment] });
    const row = Object.fromEntries(BOARD_CSV_COLUMNS.map((column, i) => [column, rows[1]![i]]));
    expect(row.evidencias).toBe('https://infoem.org.mx/acta.pdf /api/tablero/evidencias/actaFirmada12345');
    expect(row.evidencias_titulos).toBe('Acta de instalación | Acta firmada');
  });
});
