import {
  agendaSchedule,
  formatClock,
  formatTimeOfDay,
  parseTimeOfDay,
  type Agenda,
  type AgendaState,
} from '@cocrea/shared';

/** The mesas' time zone: every time in the schedule is read there, whatever the viewer's computer says. */
export const MESA_TIME_ZONE = 'America/Mexico_City';

/** One stage of the mesa's record: when it was meant to start and when it did. */
export interface ScheduleRow {
  stageId: string;
  number: number;
  name: string;
  /** "HH:MM": as planned when the stage began, or as planned now if it has not. */
  plannedStart: string;
  /** "HH:MM": the planned start plus the stage's planned minutes. */
  plannedEnd: string;
  /** "HH:MM" in Mexico City, when people first began the stage; null if they have not. */
  actualStart: string | null;
  /** "HH:MM" when the stage was last left; null while it is the current one or before it ran. */
  actualEnd: string | null;
  /**
   * Minutes the stage began late (positive) or early (negative) against its planned start, clock time against clock
   * time in Mexico City, whatever the day it ran (a mesa moved to another date keeps its times of day); null before
   * it starts.
   */
  differenceMin: number | null;
  /** "HH:MM" of later returns to the stage (going back to it). */
  returns: string[];
}

const MINUTES_PER_DAY = 24 * 60;

/**
 * `actual - planned` in minutes between two times of day, taken the short way round midnight: a stage planned at
 * 23:50 that began at 00:05 began 15 minutes late, not 1 425 early.
 */
function clockDifference(actual: string, planned: string): number {
  const raw = parseTimeOfDay(actual) - parseTimeOfDay(planned);
  const wrapped = (((raw + MINUTES_PER_DAY / 2) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return wrapped - MINUTES_PER_DAY / 2;
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
    const actualStart = first ? formatClock(first.actualStart, timeZone) : null;
    return {
      stageId: stage.id,
      number,
      name: stage.name,
      plannedStart,
      plannedEnd: formatTimeOfDay((parseTimeOfDay(plannedStart) + stage.durationMin) % MINUTES_PER_DAY),
      actualStart,
      actualEnd: lastEnd === undefined ? null : formatClock(lastEnd, timeZone),
      differenceMin: actualStart === null ? null : clockDifference(actualStart, plannedStart),
      returns: entries.slice(1).map((entry) => formatClock(entry.actualStart, timeZone)),
    };
  });
}
