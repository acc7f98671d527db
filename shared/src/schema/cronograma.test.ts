import { describe, expect, it } from 'vitest';
import { buildCronograma, CRONOGRAMA_MAX_MONTHS, happensIn } from './cronograma';
import { seed001Cronograma, seed001Months } from './fixtures/seed001';
import { seed004Commitment } from './fixtures/seed004';
import { addMonths, monthsBetween, spanishMonth } from './months';

describe('months', () => {
  it('count and step across years', () => {
    expect(addMonths('2020-11', 3)).toBe('2021-02');
    expect(addMonths('2021-01', -1)).toBe('2020-12');
    expect(monthsBetween('2020-09', '2021-02')).toBe(5);
    expect(spanishMonth('2020-09')).toBe('septiembre de 2020');
  });
});

describe('the cronograma', () => {
  it('lays out seed 001’s table as it is: nine actions, September to February, an x where the seed has one', () => {
    const route = seed001Cronograma.map((step, i) => ({ id: `p${i}`, ...step }));
    const { months, groups } = buildCronograma({ route, linesOfAction: [] });
    expect(months).toEqual([...seed001Months]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.title).toBe('Ruta para el cumplimiento');
    const marks = groups[0]!.rows.map((row) => months.map((m) => (happensIn(row, m) ? 'x' : ' ')).join(''));
    expect(marks).toEqual(['x     ', ' x    ', ' x    ', '  x   ', '  x   ', 'xxxx  ', '   x  ', '   xx ', '     x']);
    expect(groups[0]!.rows[5]!.label).toBe(
      '6. Campaña de difusión masiva sobre Gobierno Abierto y Transparencia Proactiva',
    );
  });

  it('groups activities by line of action, after the route, with their months from their dates', () => {
    const { months, groups } = buildCronograma({
      route: [{ id: 'p1', text: 'Presentar ante el STL', startMonth: '2021-02', endMonth: '2021-02' }],
      linesOfAction: seed004Commitment.linesOfAction,
    });
    expect(groups.map((g) => g.title)).toEqual([
      'Ruta para el cumplimiento',
      `Línea de acción 1: ${seed004Commitment.linesOfAction[0]!.title}`,
      `Línea de acción 2: ${seed004Commitment.linesOfAction[1]!.title}`,
      `Línea de acción 3: ${seed004Commitment.linesOfAction[2]!.title}`,
    ]);
    expect(groups[2]!.rows[1]).toMatchObject({
      label: expect.stringMatching(/^2\.2\. /),
      startMonth: '2021-10',
      endMonth: '2021-10',
    });
    expect(months[0]).toBe('2021-02');
    expect(months.at(-1)).toBe('2022-08');
  });

  it('leaves out what has no months yet, and draws at most three years of a draft’s dates', () => {
    const { months, groups } = buildCronograma({
      route: [
        { id: 'a', text: 'Sin meses', startMonth: null, endMonth: null },
        { id: 'b', text: 'Al revés', startMonth: '2021-03', endMonth: '2021-01' },
      ],
      linesOfAction: [
        {
          id: 'l',
          title: 'Línea',
          activities: [
            { id: 'x', title: 'A medio escribir', startDate: '2021-01-01', endDate: null },
            { id: 'y', title: 'Larguísima', startDate: '2021-01-01', endDate: '2099-12-31' },
          ],
        },
      ],
    });
    expect(groups.map((g) => g.rows.map((r) => r.id))).toEqual([['y']]);
    expect(months).toHaveLength(CRONOGRAMA_MAX_MONTHS);
    expect(buildCronograma({ route: [], linesOfAction: [] })).toEqual({ months: [], groups: [] });
  });
});
