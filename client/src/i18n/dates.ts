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
