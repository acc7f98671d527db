const dateTime = new Intl.DateTimeFormat('es-MX', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'America/Mexico_City',
});
const dateOnly = new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeZone: 'UTC' });

/** A server timestamp as people in the mesa read it: central Mexico time. */
export function formatSavedAt(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** A YYYY-MM-DD date of the commitment ("1 de marzo de 2021"); a calendar date, so no time zone shifts it. */
export function formatDay(date: string): string {
  return dateOnly.format(new Date(`${date}T00:00:00Z`));
}
