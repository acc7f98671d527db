import { useId } from 'react';
import { TOOLS, type Tool, type ToolLock } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { useAgendaAction } from './useAgendaAction';
import { useAgendaRoom } from './useAgendaRoom';

const TOOL_LABEL = { tree: 'agenda.tool.tree', commitment: 'agenda.tool.commitment' } as const;
const TOOL_SHORT = { tree: 'agenda.tool.short.tree', commitment: 'agenda.tool.short.commitment' } as const;
type Mode = 'agenda' | 'open' | 'locked';

/**
 * Which tools the current stage opens. Everybody sees whether each is open; the facilitator can force one open or
 * closed for the current stage, or hand it back to the agenda. The server enforces the lock on every edit.
 */
export function ToolLocks() {
  const { snapshot, role } = useAgendaRoom();
  const { run, pending, error } = useAgendaAction();
  if (snapshot === null) return null;
  const { locks, state } = snapshot;
  const change = (tool: Tool, mode: Mode) =>
    void run((api) => api.setToolLock({ tool, mode, expectedRevision: state.revision }));

  return (
    <div className="tool-locks" role="group" aria-label={t('agenda.tools')}>
      {TOOLS.map((tool) =>
        role === 'facilitator' ? (
          <ToolSelect key={tool} tool={tool} lock={locks[tool]} disabled={pending} onChange={change} />
        ) : (
          <span key={tool} className={`tool-chip ${locks[tool].locked ? 'is-locked' : 'is-open'}`}>
            {t(TOOL_LABEL[tool])}: {t(locks[tool].locked ? 'agenda.tool.locked' : 'agenda.tool.open')}
            {locks[tool].override !== null && <span className="muted"> ({t('agenda.tool.byFacilitator')})</span>}
          </span>
        ),
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function ToolSelect(props: { tool: Tool; lock: ToolLock; disabled: boolean; onChange(tool: Tool, mode: Mode): void }) {
  const { tool, lock, disabled, onChange } = props;
  const id = useId();
  const agendaState = t(lock.agendaLocked ? 'agenda.tool.locked' : 'agenda.tool.open');
  return (
    <span className={`tool-chip ${lock.locked ? 'is-locked' : 'is-open'}`}>
      <label htmlFor={id} title={t(TOOL_LABEL[tool])}>
        {t(TOOL_SHORT[tool])}
      </label>
      <select
        id={id}
        value={lock.override ?? 'agenda'}
        disabled={disabled}
        onChange={(e) => onChange(tool, e.target.value as Mode)}
      >
        <option value="agenda">{t('agenda.tool.mode.agenda', { state: agendaState })}</option>
        <option value="open">{t('agenda.tool.mode.open')}</option>
        <option value="locked">{t('agenda.tool.mode.locked')}</option>
      </select>
    </span>
  );
}
