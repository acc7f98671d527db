import { describe, expect, it } from 'vitest';
import { CRITERION_IDS } from './commitmentCatalogues';
import { COMMITMENT_FIELD_LABELS, commitmentFieldPattern } from './commitmentFieldLabels';
import { edited } from './fixtures/edited';
import { seed004Commitment, seed004Draft } from './fixtures/seed004';
import { missingFields } from './missingFields';

describe('missingFields', () => {
  it('is empty for a commitment that can be saved', () => {
    expect(missingFields(seed004Commitment)).toEqual([]);
  });

  it('lists what the seed-004 draft lacks, in form order, one problem per field, items by id', () => {
    const problems = missingFields(seed004Draft);
    expect(problems.map((p) => p.path)).toEqual([
      'type',
      'mesaId',
      'problem',
      'commitment',
      ...['la1-a1', 'la1-a2', 'la1-a3'].flatMap((id) => [
        `linesOfAction.la1.activities.${id}.startDate`,
        `linesOfAction.la1.activities.${id}.endDate`,
      ]),
      ...['la2-a1', 'la2-a2'].flatMap((id) => [
        `linesOfAction.la2.activities.${id}.startDate`,
        `linesOfAction.la2.activities.${id}.endDate`,
      ]),
      ...['la3-a1', 'la3-a2'].flatMap((id) => [
        `linesOfAction.la3.activities.${id}.startDate`,
        `linesOfAction.la3.activities.${id}.endDate`,
      ]),
      'responsibles',
      'coResponsible.organization',
      'coResponsible.person',
      'finalResult',
      'products',
      'indicators',
      'startDate',
      'endDate',
      'principles',
      'genderPerspective',
      'statePriorities',
      ...CRITERION_IDS.map((id) => `criteria.${id}.met`),
    ]);
    expect(problems[4]).toEqual({
      path: 'linesOfAction.la1.activities.la1-a1.startDate',
      label: 'Línea de acción 1 › Actividad 1 › Fecha de inicio',
      message: 'Es obligatorio.',
    });
    expect(problems.find((p) => p.path === 'coResponsible.person')?.label).toBe(
      'Sociedad civil corresponsable › Persona',
    );
    expect(problems.at(-1)).toEqual({
      path: 'criteria.VI.met',
      label: 'Criterio VI › ¿Se cumple?',
      message: 'Indique si el compromiso cumple este criterio.',
    });
  });

  it('names positions as shown and the field itself', () => {
    const draft = edited((c) => {
      c.linesOfAction[1]!.activities[0]!.verification = '';
      c.linesOfAction[2]!.title = '';
      c.responsibles.push({ id: 'sp2', name: 'Otra persona', position: '', institution: 'Infoem' });
      c.ods = [16, 20 as 16];
    });
    expect(missingFields(draft)).toEqual([
      {
        path: 'linesOfAction.la2.activities.la2-a1.verification',
        label: 'Línea de acción 2 › Actividad 1 › Medio de verificación',
        message: 'Es obligatorio.',
      },
      { path: 'linesOfAction.la3.title', label: 'Línea de acción 3 › Enunciado', message: 'Es obligatorio.' },
      {
        path: 'responsibles.sp2.position',
        label: 'Persona servidora pública responsable 2 › Cargo',
        message: 'Es obligatorio.',
      },
      // A wrong element of a picker's list is a problem of the picker.
      {
        path: 'ods',
        label: 'Objetivos de Desarrollo Sostenible (ODS)',
        message: 'El ODS debe ser un número entero del 1 al 17.',
      },
    ]);
  });

  it('reports a cross-field date problem beside the other problems, in form order', () => {
    const draft = { ...edited((c) => (c.endDate = c.startDate)), problem: '' };
    expect(missingFields(draft).map((p) => [p.path, p.label])).toEqual([
      ['problem', 'Problema público'],
      ...['la1', 'la2', 'la3'].flatMap((line) =>
        seed004Commitment.linesOfAction
          .find((l) => l.id === line)!
          .activities.filter((a) => a.endDate > seed004Commitment.startDate)
          .map((a) => [
            `linesOfAction.${line}.activities.${a.id}.endDate`,
            expect.stringMatching(/^Línea de acción \d › Actividad \d › Fecha de conclusión$/),
          ]),
      ),
      ['endDate', 'Fecha de conclusión del compromiso'],
    ]);
  });
});

describe('commitmentFieldPattern', () => {
  it('writes list items and criteria as *', () => {
    expect(commitmentFieldPattern('linesOfAction.k3J9.activities.x-1.title')).toBe(
      'linesOfAction.*.activities.*.title',
    );
    expect(commitmentFieldPattern('criteria.IV.note')).toBe('criteria.*.note');
    expect(commitmentFieldPattern('coResponsible.person')).toBe('coResponsible.person');
    expect(commitmentFieldPattern('')).toBe('');
  });

  it('has a label for every field of a commitment', () => {
    const paths: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (path !== '') paths.push(path);
      if (Array.isArray(value)) {
        // Plain-value lists (principles, SDGs) are labelled as a whole.
        value.forEach((item, i) => {
          if (typeof item === 'object') walk(item, `${path}.${(item as { id: string }).id ?? i}`);
        });
      } else if (typeof value === 'object' && value !== null) {
        for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`);
      }
    };
    walk(seed004Commitment, '');
    const unlabelled = paths.filter((path) => !(commitmentFieldPattern(path) in COMMITMENT_FIELD_LABELS));
    expect(unlabelled).toEqual([]);
  });
});
