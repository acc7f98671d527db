import { z } from 'zod';
import { COMMITMENT_LIMITS } from './commitmentLimits';
import { MONTH_PATTERN, spanishDate } from './months';

const isoDate = z.iso.date();

function isDate(value: unknown): value is string {
  return isoDate.safeParse(value).success;
}

/**
 * The last day a commitment that starts on `start` may end: the same calendar day {@link COMMITMENT_LIMITS.years}
 * years later, or 28 February when it starts on 29 February. Dates are YYYY-MM-DD, so plain string comparison
 * orders them.
 */
export function latestEndDate(start: string): string {
  const year = Number(start.slice(0, 4)) + COMMITMENT_LIMITS.years;
  const monthDay = start.slice(5) === '02-29' ? '02-28' : start.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

export interface CrossFieldIssue {
  path: (string | number)[];
  message: string;
}

/** Plain records and arrays of them out of a value that may not have passed its own rules. */
function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map((item) => (typeof item === 'object' && item !== null ? item : {})) : [];
}

/**
 * The rules that span fields: the commitment ends after it starts and within two years; each activity ends on or
 * after its start (a one-day event is an activity) and lies within the commitment's period; a route step has both
 * months or neither, the second not before the first; ids are unique. Works
 * on anything, because it also runs when some fields failed their own rules.
 */
export function crossFieldIssues(value: unknown): CrossFieldIssue[] {
  if (typeof value !== 'object' || value === null) return [];
  const commitment = value as Record<string, unknown>;
  const issues: CrossFieldIssue[] = [];
  const { startDate: start, endDate: end } = commitment;

  if (isDate(start) && isDate(end)) {
    if (end <= start) {
      issues.push({ path: ['endDate'], message: 'La fecha de conclusión debe ser posterior a la de inicio.' });
    } else if (end > latestEndDate(start)) {
      issues.push({
        path: ['endDate'],
        message: `El compromiso debe concluir en un plazo de ${COMMITMENT_LIMITS.years} años: a más tardar el ${spanishDate(latestEndDate(start))}.`,
      });
    }
  }

  const seen = new Set<string>();
  const checkId = (item: Record<string, unknown>, path: (string | number)[]) => {
    if (typeof item.id !== 'string') return;
    if (seen.has(item.id))
      issues.push({ path: [...path, 'id'], message: `El identificador ${item.id} está repetido.` });
    seen.add(item.id);
  };

  records(commitment.linesOfAction).forEach((line, l) => {
    checkId(line, ['linesOfAction', l]);
    records(line.activities).forEach((activity, a) => {
      const path = ['linesOfAction', l, 'activities', a];
      checkId(activity, path);
      const { startDate: from, endDate: to } = activity;
      if (isDate(from) && isDate(to) && to < from) {
        issues.push({
          path: [...path, 'endDate'],
          message: 'La actividad no puede concluir antes de iniciar.',
        });
      }
      if (isDate(from) && isDate(start) && from < start) {
        issues.push({
          path: [...path, 'startDate'],
          message: `La actividad no puede iniciar antes que el compromiso (${spanishDate(start)}).`,
        });
      }
      if (isDate(to) && isDate(end) && to > end) {
        issues.push({
          path: [...path, 'endDate'],
          message: `La actividad no puede concluir después que el compromiso (${spanishDate(end)}).`,
        });
      }
    });
  });
  records(commitment.route).forEach((step, i) => {
    const { startMonth: from, endMonth: to } = step;
    const isMonth = (value: unknown) => typeof value === 'string' && MONTH_PATTERN.test(value);
    if (isMonth(from) !== isMonth(to)) {
      issues.push({
        path: ['route', i, isMonth(from) ? 'endMonth' : 'startMonth'],
        message: 'Indique los dos meses del paso, o ninguno.',
      });
    } else if (isMonth(from) && isMonth(to) && (to as string) < (from as string)) {
      issues.push({ path: ['route', i, 'endMonth'], message: 'El paso no puede concluir antes de iniciar.' });
    }
  });
  for (const key of ['responsibles', 'products', 'indicators', 'route'] as const) {
    records(commitment[key]).forEach((item, i) => checkId(item, [key, i]));
  }
  return issues;
}
