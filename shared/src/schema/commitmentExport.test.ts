import { describe, expect, it } from 'vitest';
import { commitmentRows, toCsv } from './commitmentExport';
import { seed004Commitment } from './fixtures/seed004';

describe('commitment export', () => {
  it('lists every field with its Spanish label and position, in form order', () => {
    const rows = commitmentRows(seed004Commitment);
    expect(rows.slice(0, 4)).toEqual([
      ['Título del compromiso', 'Compromiso Proactivo del Infoem'],
      ['Tipo de compromiso', 'Compromiso de mesa'],
      ['Institución responsable', 'Infoem'],
      ['Tema', 'Cultura de gobierno abierto'],
    ]);
    expect(rows).toContainEqual([
      'Línea de acción 1 › Actividad 1 › Medio de verificación',
      'Grupo de trabajo integrado.',
    ]);
    expect(rows).toContainEqual(['Línea de acción 3 › Enunciado', seed004Commitment.linesOfAction[2]!.title]);
    expect(rows).toContainEqual(['Principios de gobierno abierto', 'Transparencia; Participación ciudadana']);
    expect(rows.map(([field]) => field)).not.toContain('Mesa de cocreación');
    // Ids are the app's, not the commitment's: they never show.
    expect(rows.flat().some((cell) => cell === 'la1-a1' || cell === 'sp1')).toBe(false);
  });

  it('writes RFC 4180 CSV with a BOM, quotes doubled and formulas defused', () => {
    const csv = toCsv([
      ['Campo', 'Valor'],
      ['Nota', 'dijo "hola", y\nsiguió'],
      ['Fórmula', '=HYPERLINK("http://x")'],
      ['Negativo', '-5'],
    ]);
    expect(csv.startsWith('\uFEFF"Campo","Valor"\r\n')).toBe(true);
    expect(csv).toContain('"Nota","dijo ""hola"", y\nsiguió"\r\n');
    expect(csv).toContain(`"Fórmula","'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`"Negativo","'-5"`);
  });
});
