import type { Agenda } from '../schema/agenda';
import { formatTimeOfDay, parseTimeOfDay } from './time';

/** One stage's place in the planned day. */
export interface PlannedStage {
  stageId: string;
  /** Minutes since midnight. */
  startMin: number;
  endMin: number;
  /** "HH:MM". */
  start: string;
  end: string;
}

/** The planned day: stages laid end to end from the agenda's start time. */
export interface AgendaSchedule {
  stages: PlannedStage[];
  totalMin: number;
  start: string;
  end: string;
}

/**
 * Lays the stages end to end from `startTime`. Planned times are derived, never stored, so changing one duration
 * moves every later stage and the times can never disagree with the durations.
 */
export function agendaSchedule(agenda: Agenda): AgendaSchedule {
  const startMin = parseTimeOfDay(agenda.startTime);
  let cursor = startMin;
  const stages = agenda.stages.map((stage) => {
    const planned = {
      stageId: stage.id,
      startMin: cursor,
      endMin: cursor + stage.durationMin,
      start: formatTimeOfDay(cursor),
      end: formatTimeOfDay(cursor + stage.durationMin),
    };
    cursor = planned.endMin;
    return planned;
  });
  return { stages, totalMin: cursor - startMin, start: agenda.startTime, end: formatTimeOfDay(cursor) };
}
