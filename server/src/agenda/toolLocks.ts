import { TOOLS, type Agenda, type AgendaState, type Tool, type ToolLocks, type ToolOverrides } from '@cocrea/shared';

/** No override: every tool follows the agenda. */
export const NO_OVERRIDES: ToolOverrides = { tree: null, commitment: null };

/**
 * Whether the agenda alone opens `tool` now. Before the start every tool is open, so groups can prepare (write
 * the problem, sketch the tree) while people arrive; after the end every tool is closed, so what the mesa
 * produced stays as it left it for the STL. In between, the current stage's `tools` decide.
 */
function agendaOpens(agenda: Agenda, state: AgendaState, tool: Tool): boolean {
  if (state.status === 'not_started') return true;
  if (state.status === 'finished') return false;
  return agenda.stages[state.stageIndex]?.tools[tool] ?? false;
}

/** Each tool's lock: the facilitator's override if there is one, else what the agenda says. */
export function toolLocks(agenda: Agenda, state: AgendaState, overrides: ToolOverrides): ToolLocks {
  const lock = (tool: Tool) => {
    const override = overrides[tool];
    const agendaLocked = !agendaOpens(agenda, state, tool);
    return { locked: override === null ? agendaLocked : override === 'locked', override, agendaLocked };
  };
  return { tree: lock('tree'), commitment: lock('commitment') };
}

/** The tools that refuse edits now. */
export function lockedTools(locks: ToolLocks): Set<Tool> {
  return new Set(TOOLS.filter((tool) => locks[tool].locked));
}

/** Before the start, during the stages, after the end: an override never outlives the phase it was set in. */
function phase(state: AgendaState): 'before' | 'during' | 'after' {
  if (state.status === 'not_started') return 'before';
  return state.status === 'finished' ? 'after' : 'during';
}

/**
 * The overrides after a change of the agenda or its state. A facilitator's lock or unlock is a word about the
 * stage at hand: it lasts until the agenda moves to another stage (named by id, so reordering the plan does not
 * count as moving), starts, finishes or is reset; then the next stage's own tools apply. Pausing, resuming,
 * adding time or restarting the same stage keep it.
 */
export function carryOverrides(
  before: { agenda: Agenda; state: AgendaState },
  after: { agenda: Agenda; state: AgendaState },
  overrides: ToolOverrides,
): ToolOverrides {
  const stageId = (side: typeof before) => side.agenda.stages[side.state.stageIndex]?.id;
  const same = phase(before.state) === phase(after.state) && stageId(before) === stageId(after);
  return same ? overrides : NO_OVERRIDES;
}
