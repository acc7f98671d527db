/**
 * The agenda's one shared timer as a pure state machine. The server owns the state and is the only caller of
 * {@link applyCommand}, with its own clock as `nowMs`; clients receive the state and count down from `endsAt`
 * against their estimate of the server's clock (see `clockSync.ts`), so everybody sees the same remaining time
 * whatever their own clock says.
 *
 * A running stage never ends by itself: when its time is up the countdown goes negative (overtime) until the
 * facilitator moves on. The methodology's stages end on a person's word, not on a bell.
 */
import type { Agenda, AgendaCommand, AgendaState, StageLogEntry } from '../schema/agenda';
import { agendaSchedule } from './schedule';

/** The outcome of a command or edit: the new state, or why it was refused (Spanish, for people). */
export type AgendaCommandResult = { ok: true; state: AgendaState } | { ok: false; error: string };

const MS_PER_MINUTE = 60_000;

/** A mesa before its facilitator presses "iniciar": Etapa 0 selected, nothing logged. */
export function initialAgendaState(): AgendaState {
  return { stageIndex: 0, status: 'not_started', endsAt: null, remainingMs: null, revision: 0, stageLog: [] };
}

function fail(error: string): AgendaCommandResult {
  return { ok: false, error };
}

function stageMs(agenda: Agenda, index: number): number {
  return (agenda.stages[index]?.durationMin ?? 0) * MS_PER_MINUTE;
}

/**
 * The log's last entry is open (no `actualEnd`) exactly while the current stage has been running at some point
 * since it was entered; it is closed when the stage is left. A stage entered while paused opens its entry on
 * resume, so `actualStart` is when people really began it.
 */
function closeOpenEntry(log: StageLogEntry[], nowMs: number): StageLogEntry[] {
  const last = log.at(-1);
  if (!last || last.actualEnd !== undefined) return log;
  return [...log.slice(0, -1), { ...last, actualEnd: nowMs }];
}

function openEntry(agenda: Agenda, log: StageLogEntry[], index: number, nowMs: number): StageLogEntry[] {
  const last = log.at(-1);
  if (last && last.actualEnd === undefined) return log;
  const stageId = agenda.stages[index]?.id ?? '';
  const plannedStart = agendaSchedule(agenda).stages[index]?.start ?? agenda.startTime;
  return [...log, { stageId, plannedStart, actualStart: nowMs }];
}

/**
 * Leaves the current stage for `index` with its full planned duration: running if the agenda was running
 * (people carry on without a click), otherwise paused, waiting for "reanudar".
 */
function enterStage(
  agenda: Agenda,
  state: AgendaState,
  index: number,
  running: boolean,
  nowMs: number,
): AgendaCommandResult {
  const log = closeOpenEntry(state.stageLog, nowMs);
  const duration = stageMs(agenda, index);
  if (running) {
    return {
      ok: true,
      state: {
        ...state,
        stageIndex: index,
        status: 'running',
        endsAt: nowMs + duration,
        remainingMs: null,
        stageLog: openEntry(agenda, log, index, nowMs),
      },
    };
  }
  return {
    ok: true,
    state: { ...state, stageIndex: index, status: 'paused', endsAt: null, remainingMs: duration, stageLog: log },
  };
}

/** Before the start, moving only chooses which stage "iniciar" will begin with. */
function select(state: AgendaState, index: number): AgendaCommandResult {
  return { ok: true, state: { ...state, stageIndex: index } };
}

function transition(agenda: Agenda, state: AgendaState, command: AgendaCommand, nowMs: number): AgendaCommandResult {
  const last = agenda.stages.length - 1;
  const inProgress = state.status === 'running' || state.status === 'paused';
  const wasRunning = state.status === 'running';

  switch (command.type) {
    case 'start':
      if (state.status === 'finished') return fail('La agenda ya terminó; reiníciala para empezar de nuevo.');
      if (inProgress) return fail('La agenda ya está en marcha.');
      return {
        ok: true,
        state: {
          ...state,
          status: 'running',
          endsAt: nowMs + stageMs(agenda, state.stageIndex),
          remainingMs: null,
          stageLog: openEntry(agenda, state.stageLog, state.stageIndex, nowMs),
        },
      };

    case 'pause':
      if (state.status === 'paused') return fail('La agenda ya está en pausa.');
      if (state.status !== 'running') return fail('Solo se puede pausar una etapa en curso.');
      return { ok: true, state: { ...state, status: 'paused', endsAt: null, remainingMs: state.endsAt - nowMs } };

    case 'resume':
      if (state.status === 'running') return fail('La agenda ya está corriendo.');
      if (state.status !== 'paused') return fail('Solo se puede reanudar una agenda en pausa.');
      return {
        ok: true,
        state: {
          ...state,
          status: 'running',
          endsAt: nowMs + state.remainingMs,
          remainingMs: null,
          stageLog: openEntry(agenda, state.stageLog, state.stageIndex, nowMs),
        },
      };

    case 'next':
      if (state.status === 'finished') return fail('La agenda ya terminó.');
      if (state.stageIndex >= last) {
        if (!inProgress) return fail('Ya es la última etapa.');
        // Leaving the last stage ends the mesa; stageIndex stays on it so the closing screen can name it.
        return {
          ok: true,
          state: {
            ...state,
            status: 'finished',
            endsAt: null,
            remainingMs: null,
            stageLog: closeOpenEntry(state.stageLog, nowMs),
          },
        };
      }
      return inProgress
        ? enterStage(agenda, state, state.stageIndex + 1, wasRunning, nowMs)
        : select(state, state.stageIndex + 1);

    case 'previous':
      // "Finished" sits after the last stage, so going back from it reopens the last stage (a mistaken "siguiente").
      if (state.status === 'finished') return enterStage(agenda, state, last, false, nowMs);
      if (state.stageIndex === 0) return fail('Ya es la primera etapa.');
      return inProgress
        ? enterStage(agenda, state, state.stageIndex - 1, wasRunning, nowMs)
        : select(state, state.stageIndex - 1);

    case 'goto':
      if (command.stage > last) {
        return fail(`La etapa ${command.stage} no existe; la agenda tiene las etapas 0 a ${last}.`);
      }
      if (state.status === 'not_started') return select(state, command.stage);
      // Going to the current stage restarts it with its full duration: that is what the facilitator asked for.
      return enterStage(agenda, state, command.stage, wasRunning, nowMs);

    case 'addTime': {
      const deltaMs = command.minutes * MS_PER_MINUTE;
      if (state.status === 'running') return { ok: true, state: { ...state, endsAt: state.endsAt + deltaMs } };
      if (state.status === 'paused') return { ok: true, state: { ...state, remainingMs: state.remainingMs + deltaMs } };
      return fail('No hay una etapa en curso a la que ajustar el tiempo.');
    }

    case 'reset':
      return { ok: true, state: { ...initialAgendaState(), revision: state.revision } };
  }
}

/**
 * Applies one facilitator command at server time `nowMs`. Every accepted command bumps `revision`; a command
 * whose `expectedRevision` is not the current one is refused, since it was meant for a state that no longer is.
 */
export function applyCommand(
  agenda: Agenda,
  state: AgendaState,
  command: AgendaCommand,
  nowMs: number,
): AgendaCommandResult {
  if (!Number.isSafeInteger(nowMs)) throw new RangeError(`nowMs debe ser un entero de milisegundos: ${nowMs}.`);
  if (command.expectedRevision !== undefined && command.expectedRevision !== state.revision) {
    return fail(
      `La agenda cambió mientras tanto (va en la revisión ${state.revision}; tu orden era para la ${command.expectedRevision}). Revisa el estado actual y vuelve a intentarlo.`,
    );
  }
  if (state.stageIndex >= agenda.stages.length) return fail('La etapa actual ya no existe en la agenda.');
  const result = transition(agenda, state, command, nowMs);
  return result.ok ? { ok: true, state: { ...result.state, revision: state.revision + 1 } } : result;
}

/**
 * Milliseconds left in the current stage at server time `nowMs`: negative in overtime, the full duration before
 * the start, zero once the agenda is finished.
 */
export function remainingMs(state: AgendaState, agenda: Agenda, nowMs: number): number {
  switch (state.status) {
    case 'running':
      return state.endsAt - nowMs;
    case 'paused':
      return state.remainingMs;
    case 'not_started':
      return stageMs(agenda, state.stageIndex);
    case 'finished':
      return 0;
  }
}

/**
 * When the mesa would end (server epoch ms) if every stage from now on took its planned time: the current
 * stage's remaining time (none if already in overtime, or paused and resumed now) plus the later stages'
 * durations. Null once finished.
 */
export function projectedEndMs(agenda: Agenda, state: AgendaState, nowMs: number): number | null {
  if (state.status === 'finished') return null;
  const later = agenda.stages.slice(state.stageIndex + 1).reduce((sum, s) => sum + s.durationMin * MS_PER_MINUTE, 0);
  return nowMs + Math.max(0, remainingMs(state, agenda, nowMs)) + later;
}

/**
 * Carries the run state across an agenda edit. The current stage is followed by id, so reordering or inserting
 * stages mid-mesa keeps the facilitator on the same stage; removing the stage in progress is refused. The
 * revision is bumped on every edit because stage numbers in commands already on their way ("ir a la etapa 5")
 * may now mean another stage.
 */
export function followAgendaEdit(state: AgendaState, before: Agenda, after: Agenda): AgendaCommandResult {
  const currentId = before.stages[state.stageIndex]?.id;
  const found = after.stages.findIndex((s) => s.id === currentId);
  let stageIndex: number;
  if (state.status === 'finished') stageIndex = after.stages.length - 1;
  else if (found !== -1) stageIndex = found;
  else if (state.status === 'not_started') stageIndex = Math.min(state.stageIndex, after.stages.length - 1);
  else return fail('No se puede quitar la etapa en curso; pasa a otra etapa antes de quitarla.');
  return { ok: true, state: { ...state, stageIndex, revision: state.revision + 1 } };
}
