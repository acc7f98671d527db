/**
 * Times of day and countdowns as people read them. Planned times are plain minutes since midnight of the mesa's
 * day ("09:30" is 570): the agenda is a one-day plan in Mexico City time, so no time zone arithmetic is needed
 * until a planned time meets a real instant, which only {@link formatClock} does.
 */

const MINUTES_PER_DAY = 24 * 60;

/** "HH:MM", 00:00 to 23:59: the form a planned start time is typed and stored in. */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `"09:30"` → `570`. Throws on anything that does not match {@link TIME_OF_DAY_PATTERN}. */
export function parseTimeOfDay(value: string): number {
  if (!TIME_OF_DAY_PATTERN.test(value)) throw new RangeError(`Hora inválida: "${value}" (se espera HH:MM).`);
  return Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));
}

/**
 * `570` → `"09:30"`. 1440 is written "24:00" because an agenda may end exactly at midnight; anything later is
 * outside the mesa's day and throws, since a wrapped "00:15" would read as the morning.
 */
export function formatTimeOfDay(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`Minutos fuera del día: ${minutes}.`);
  }
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/**
 * A countdown: `"12:34"`, `"1:02:03"` past an hour, `"-01:05"` in overtime. Whole seconds are rounded up while
 * time remains, so the display reaches "00:00" exactly when the stage ends rather than a second early; overtime
 * counts whole seconds elapsed, so "-00:01" appears one full second after the end, never "-00:00".
 */
export function formatRemaining(ms: number): string {
  const overtime = ms < 0;
  const seconds = overtime ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const body = h > 0 ? `${h}:${pad2(m)}:${pad2(s)}` : `${pad2(m)}:${pad2(s)}`;
  return overtime && seconds > 0 ? `-${body}` : body;
}

/** An instant as a 24-hour "HH:MM" wall-clock time, by default in the mesas' time zone. */
export function formatClock(epochMs: number, timeZone = 'America/Mexico_City'): string {
  return new Intl.DateTimeFormat('es-MX', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    epochMs,
  );
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
