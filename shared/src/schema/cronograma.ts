import { COMMITMENT_FIELD_LABELS as L } from './commitmentFieldLabels';
import { addMonths, MONTH_PATTERN, monthOf, monthsBetween } from './months';

/**
 * The cronograma (seed 001): a commitment's route steps and activities month by month. One model for the live form,
 * the print view and the board; each draws it as a grid (rows grouped, months as columns) with a text alternative.
 */

/** One row: what happens, from which month to which (YYYY-MM, `endMonth` not before `startMonth`). */
export interface CronogramaRow {
  id: string;
  /** As the row shows it: "1. Reuniones GO STL", "1.2. Documento…". */
  label: string;
  startMonth: string;
  endMonth: string;
}

export interface CronogramaGroup {
  /** "Ruta para el cumplimiento", "Línea de acción 2: …". */
  title: string;
  rows: CronogramaRow[];
}

export interface Cronograma {
  /** Every month from the first row's start to the last row's end, in order; empty when no row has months. */
  months: string[];
  groups: CronogramaGroup[];
}

/** What a cronograma is made of: a draft's or a saved version's route and lines of action, or the board's. */
export interface CronogramaSource {
  route: readonly { id: string; text: string; startMonth: string | null; endMonth: string | null }[];
  linesOfAction: readonly {
    id: string;
    title: string;
    activities: readonly { id: string; title: string; startDate: string | null; endDate: string | null }[];
  }[];
}

/**
 * The most columns a cronograma draws: a commitment lasts at most two years (criterion II), and a draft's dates,
 * mid-typing, may be decades apart.
 */
export const CRONOGRAMA_MAX_MONTHS = 36;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The cronograma of a commitment: its route's steps first (they lead up to the activities, seed 001), then each
 * line of action's activities. A step or an activity without both months, or ending before it starts, is left out
 * (the form says what is missing); empty groups too. Months run from the earliest start, at most
 * {@link CRONOGRAMA_MAX_MONTHS} of them; a row beyond them shows as far as they go.
 */
export function buildCronograma(source: CronogramaSource): Cronograma {
  const groups: CronogramaGroup[] = [];
  const routeRows = source.route.flatMap((step, i): CronogramaRow[] => {
    const { startMonth: from, endMonth: to } = step;
    if (from === null || to === null || !MONTH_PATTERN.test(from) || !MONTH_PATTERN.test(to) || to < from) return [];
    return [{ id: step.id, label: `${i + 1}. ${step.text}`, startMonth: from, endMonth: to }];
  });
  if (routeRows.length > 0) groups.push({ title: L.route, rows: routeRows });
  source.linesOfAction.forEach((line, l) => {
    const rows = line.activities.flatMap((activity, a): CronogramaRow[] => {
      const { startDate: from, endDate: to } = activity;
      if (from === null || to === null || !DATE.test(from) || !DATE.test(to) || to < from) return [];
      return [
        {
          id: activity.id,
          label: `${l + 1}.${a + 1}. ${activity.title}`,
          startMonth: monthOf(from),
          endMonth: monthOf(to),
        },
      ];
    });
    if (rows.length > 0) groups.push({ title: `${L['linesOfAction.*']} ${l + 1}: ${line.title}`, rows });
  });

  const rows = groups.flatMap((group) => group.rows);
  if (rows.length === 0) return { months: [], groups };
  const first = rows.reduce((min, row) => (row.startMonth < min ? row.startMonth : min), rows[0]!.startMonth);
  const last = rows.reduce((max, row) => (row.endMonth > max ? row.endMonth : max), rows[0]!.endMonth);
  const count = Math.min(monthsBetween(first, last) + 1, CRONOGRAMA_MAX_MONTHS);
  return { months: Array.from({ length: count }, (_, i) => addMonths(first, i)), groups };
}

/** Whether `row` happens in `month`. */
export function happensIn(row: CronogramaRow, month: string): boolean {
  return row.startMonth <= month && month <= row.endMonth;
}
