import { describe, expect, it } from 'vitest';
import { publicCommitment, type PublicCommitment, type RecordedProgress } from './board';
import { activityStatus, boardQuerySchema, boardView, BOARD_PAGE_SIZE, summarizeBoard } from './boardView';
import { seed004Commitment } from './fixtures/seed004';

const PLAN = { id: 'planLocal2026AAA', title: 'Plan de Acción Local 2026–2028' };

function commitment(
  n: number,
  changes: Partial<typeof seed004Commitment> = {},
  progress: RecordedProgress[] = [],
  plan: typeof PLAN | null = PLAN,
): PublicCommitment {
  return publicCommitment({
    mesa: { id: `mesa${String(n).padStart(12, '0')}`, title: `Mesa ${n}` },
    plan,
    version: 1,
    publishedAt: '2026-12-01T18:00:00.000Z',
    commitment: { ...seed004Commitment, title: `Compromiso ${n}`, ...changes },
    progress,
  });
}

const done = (activityId: string): RecordedProgress => ({
  activityId,
  level: 'completo',
  evidence: [{ kind: 'link', title: 'Acta', url: 'https://infoem.org.mx/acta.pdf' }],
  note: '',
  updatedAt: '2026-12-02T00:00:00.000Z',
});

describe('an activity’s status', () => {
  const activity = (level: 'completo' | 'limitado') => ({
    startDate: '2026-03-01',
    endDate: '2026-06-30',
    progress: { level },
  });
  it('is concluded when complete, late after its end date, under way from its start, pending before', () => {
    expect(activityStatus(activity('completo'), '2027-01-01')).toBe('concluida');
    expect(activityStatus(activity('limitado'), '2026-07-01')).toBe('atrasada');
    expect(activityStatus(activity('limitado'), '2026-06-30')).toBe('en_curso');
    expect(activityStatus(activity('limitado'), '2026-03-01')).toBe('en_curso');
    expect(activityStatus(activity('limitado'), '2026-02-28')).toBe('por_iniciar');
  });
});

describe('the board at a glance', () => {
  it('summarises each plan’s themes: commitments by completion, activities by status', () => {
    const board = [
      commitment(1, {}, [done('la1-a1')]),
      commitment(2, { theme: 'movilidad' }),
      commitment(3, {}, [], null),
    ];
    const summary = summarizeBoard(board, '2099-01-01');
    expect(summary.map((s) => [s.plan?.title ?? null, s.themes.map((t) => t.theme)])).toEqual([
      [PLAN.title, ['movilidad', 'cultura-de-gobierno-abierto']],
      [null, ['cultura-de-gobierno-abierto']],
    ]);
    const culture = summary[0]!.themes[1]!;
    expect(culture.commitments).toMatchObject({ total: 1, limitado: 1, sin_evidencia: 0 });
    // Seed 004 has seven activities, all ended by 2099: the one complete is concluded, the rest late.
    expect(culture.activities).toEqual({ total: 7, concluida: 1, atrasada: 6, en_curso: 0, por_iniciar: 0 });
  });

  it('finds by words without accents, filters by theme, status and institution, in pages of 20', () => {
    const board = Array.from({ length: 45 }, (_, i) =>
      commitment(i + 1, i % 3 === 0 ? { leadInstitution: 'Secretaría de Movilidad', theme: 'movilidad' } : {}),
    );
    const query = (q: Record<string, string>) => boardQuerySchema.parse(q);
    const first = boardView(board, query({}), '2026-12-07', null);
    expect([first.total, first.pageCount, first.page, first.commitments.length]).toEqual([45, 3, 1, BOARD_PAGE_SIZE]);
    expect(boardView(board, query({ page: '3' }), '2026-12-07', null).commitments).toHaveLength(5);
    // A page past the last shows the last.
    expect(boardView(board, query({ page: '9' }), '2026-12-07', null).page).toBe(3);
    expect(first.institutions).toEqual(['Infoem', 'Secretaría de Movilidad']);
    expect(boardView(board, query({ institution: 'Secretaría de Movilidad' }), '2026-12-07', null).total).toBe(15);
    expect(boardView(board, query({ theme: 'Movilidad' }), '2026-12-07', null).total).toBe(15);
    expect(boardView(board, query({ status: 'sin_evidencia' }), '2026-12-07', null).total).toBe(45);
    expect(boardView(board, query({ status: 'completo' }), '2026-12-07', null).total).toBe(0);
    const found = boardView(board, query({ q: 'compromiso 17' }), '2026-12-07', null);
    expect(found.commitments.map((c) => c.title)).toEqual(['Compromiso 17']);
    expect(boardView(board, query({ q: 'SECRETARIA movilidad' }), '2026-12-07', null).total).toBe(15);
  });

  it('refuses a query it does not know, in Spanish', () => {
    expect(boardQuerySchema.safeParse({ page: '0' }).error?.issues[0]?.message).toBe(
      'La página debe ser un número entero de 1 en adelante.',
    );
    expect(boardQuerySchema.safeParse({ status: 'terminado' }).success).toBe(false);
    expect(boardQuerySchema.safeParse({ color: 'rojo' }).success).toBe(false);
    expect(boardQuerySchema.parse({ q: '', theme: '' })).toEqual({ page: 1 });
  });
});
