const instant = new Intl.DateTimeFormat('es-MX', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'America/Mexico_City',
});
const day = new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeZone: 'UTC' });

/** A server timestamp (ISO 8601) as people read it: central Mexico time, "21 de noviembre de 2026, 14:05". */
export function formatInstant(iso: string): string {
  return instant.format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) as "21 de noviembre de 2026"; no time zone shifts it. */
export function formatDay(date: string): string {
  return day.format(new Date(`${date}T00:00:00Z`));
}

const monthParts = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  timeZone: 'America/Mexico_City',
});

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Mexico_City',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today (YYYY-MM-DD) in central Mexico: what an activity is late against. */
export function currentDay(now: Date = new Date()): string {
  return dayFormat.format(now);
}

/** This month (YYYY-MM) in central Mexico: the cronograma's "today". */
export function currentMonth(now: Date = new Date()): string {
  const parts = Object.fromEntries(monthParts.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}`;
}

const SHORT_MONTHS = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'];

/** "2020-09" → "sept": a cronograma's column, as seed 001 heads it. */
export function shortMonth(month: string): string {
  return SHORT_MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
}
