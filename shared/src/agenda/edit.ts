import { agendaSchema, type Agenda, type AgendaStage } from '../schema/agenda';

/** The outcome of an agenda edit: the new agenda, or why the edit was refused (Spanish, for people). */
export type AgendaEditResult = { ok: true; agenda: Agenda } | { ok: false; error: string };

/** A stage to add: a name and a duration at least; the rest may be filled in later. */
export type NewStage = Pick<AgendaStage, 'name' | 'durationMin'> &
  Partial<Omit<AgendaStage, 'id' | 'name' | 'durationMin'>>;

/**
 * Every edit ends here: the whole agenda is parsed again, so each limit (name length, duration, stage count, the
 * end before midnight) lives in the schema alone and no edit can leave an agenda the schema would refuse.
 */
function validated(agenda: Agenda): AgendaEditResult {
  const parsed = agendaSchema.safeParse(agenda);
  if (parsed.success) return { ok: true, agenda: parsed.data };
  return { ok: false, error: parsed.error.issues[0]?.message ?? 'La agenda no es válida.' };
}

function indexOfStage(agenda: Agenda, stageId: string): number | { ok: false; error: string } {
  const index = agenda.stages.findIndex((s) => s.id === stageId);
  return index === -1 ? { ok: false, error: `La etapa "${stageId}" no existe en la agenda.` } : index;
}

/** Changes some fields of one stage; its id stays. */
export function updateStage(
  agenda: Agenda,
  stageId: string,
  patch: Partial<Omit<AgendaStage, 'id'>>,
): AgendaEditResult {
  const index = indexOfStage(agenda, stageId);
  if (typeof index !== 'number') return index;
  return validated({
    ...agenda,
    stages: agenda.stages.map((s, i) => (i === index ? { ...s, ...patch } : s)),
  });
}

/** Renames a stage. */
export function renameStage(agenda: Agenda, stageId: string, name: string): AgendaEditResult {
  return updateStage(agenda, stageId, { name });
}

/** Sets a stage's planned duration; every later planned time moves with it. */
export function setStageDuration(agenda: Agenda, stageId: string, durationMin: number): AgendaEditResult {
  return updateStage(agenda, stageId, { durationMin });
}

/** Moves the whole plan to start at another time of day ("HH:MM"). */
export function setStartTime(agenda: Agenda, startTime: string): AgendaEditResult {
  return validated({ ...agenda, startTime });
}

/**
 * Inserts a stage at `atIndex` (default: at the end). Its id is the first free "etapa-N", so the function stays
 * pure and two agendas built by the same edits agree.
 */
export function addStage(agenda: Agenda, stage: NewStage, atIndex = agenda.stages.length): AgendaEditResult {
  if (!Number.isInteger(atIndex) || atIndex < 0 || atIndex > agenda.stages.length) {
    return { ok: false, error: `La posición ${atIndex} no existe; debe estar entre 0 y ${agenda.stages.length}.` };
  }
  const ids = new Set(agenda.stages.map((s) => s.id));
  let n = 1;
  while (ids.has(`etapa-${n}`)) n++;
  const added: AgendaStage = {
    id: `etapa-${n}`,
    responsible: '',
    materials: [],
    dynamic: '',
    tools: { tree: false, commitment: false },
    ...stage,
  };
  return validated({ ...agenda, stages: agenda.stages.toSpliced(atIndex, 0, added) });
}

/** Removes a stage. The last one cannot go: an agenda has at least one stage. */
export function removeStage(agenda: Agenda, stageId: string): AgendaEditResult {
  const index = indexOfStage(agenda, stageId);
  if (typeof index !== 'number') return index;
  return validated({ ...agenda, stages: agenda.stages.toSpliced(index, 1) });
}

/** Moves a stage so that it ends up at position `toIndex`. */
export function moveStage(agenda: Agenda, stageId: string, toIndex: number): AgendaEditResult {
  const index = indexOfStage(agenda, stageId);
  if (typeof index !== 'number') return index;
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= agenda.stages.length) {
    return { ok: false, error: `La posición ${toIndex} no existe; debe estar entre 0 y ${agenda.stages.length - 1}.` };
  }
  const stages = agenda.stages.toSpliced(index, 1);
  return validated({ ...agenda, stages: stages.toSpliced(toIndex, 0, agenda.stages[index]!) });
}
