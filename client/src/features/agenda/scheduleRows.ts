import { agendaSchedule, formatClock, parseTimeOfDay, type Agenda, type AgendaState } from '@cocrea/shared';

/** The mesas' time zone: every time in the schedule is read there, whatever the viewer's computer says. */
export const MESA_TIME_ZONE = 'America/Mexico_City';

/** One stage of the mesa's record: when it was meant to start and when it did. */
export interface ScheduleRow {
  stageId: string;
  number: number;
  name: string;
  /** "HH:MM": as planned when the stage began, or as planned now if it has not. */
  plannedStart: string;
  /** "HH:MM" in Mexico City, when people first began the stage; null if they have not. */
  actualStart: string | null;
  /** "HH:MM" when the stage was last left; null while it is the current one or before it ran. */
  actualEnd: string | null;
  /** Minutes late (positive) or early (negative) against the plan; null if it has not started or not that day. */
  differenceMin: number | null;
  /** "HH:MM" of later returns to the stage (going back to it). */
  returns: string[];
}

/** The calendar date of an instant in the mesa's time zone, YYYY-MM-DD. */
function dateIn(epochMs: number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD; this is a format, not a language shown to anybody.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    epochMs,
  );
}

/**
 * The mesa's schedule, planned against actual, one row per stage of the agenda, from the stage log the server
 * keeps in the timer's state (so it stays the mesa's record after it ends).
 */
export function scheduleRows(agenda: Agenda, state: AgendaState, timeZone = MESA_TIME_ZONE): ScheduleRow[] {
  const planned = agendaSchedule(agenda).stages;
  return agenda.stages.map((stage, number) => {
    const entries = state.stageLog.filter((entry) => entry.stageId === stage.id);
    const first = entries[0];
    const lastEnd = entries.at(-1)?.actualEnd;
    const plannedStart = first?.plannedStart ?? planned[number]?.start ?? agenda.startTime;
    let differenceMin: number | null = null;
    if (first && dateIn(first.actualStart, timeZone) === agenda.date) {
      differenceMin = parseTimeOfDay(formatClock(first.actualStart, timeZone)) - parseTimeOfDay(plannedStart);
    }
    return {
      stageId: stage.id,
      number,
      name: stage.name,
      plannedStart,
      actualStart: first ? formatClock(first.actualStart, timeZone) : null,
      actualEnd: lastEnd === undefined ? null : formatClock(lastEnd, timeZone),
      differenceMin,
      returns: entries.slice(1).map((entry) => formatClock(entry.actualStart, timeZone)),
    };
  });
}
