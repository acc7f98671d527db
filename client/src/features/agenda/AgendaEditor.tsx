import { useEffect, useReducer, useState } from 'react';
import { formatClock, projectedEndMs, type Agenda, type AgendaEditResult } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { AgendaDialog } from './AgendaDialog';
import { AgendaStagesEditor } from './AgendaStagesEditor';
import { MESA_TIME_ZONE } from './scheduleRows';
import { useAgendaAction } from './useAgendaAction';
import { useAgendaRoom } from './useAgendaRoom';

/** The projected end moves with the clock in overtime; minutes are shown, so twice a minute keeps it current. */
const PROJECTION_REFRESH_MS = 30_000;

/**
 * The facilitator's editor of the mesa's own agenda, in a dialog, with the projected end while it runs. Each change
 * is saved at once against the revision it was made from.
 */
export function AgendaEditor({ onClose }: { onClose(): void }) {
  const { snapshot, clock, connection } = useAgendaRoom();
  const { run, pending, error } = useAgendaAction();
  const [invalid, setInvalid] = useState<string | null>(null);
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const timer = setInterval(refresh, PROJECTION_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  if (snapshot === null) return null;

  const { agenda, state } = snapshot;
  const projected = projectedEndMs(agenda, state, clock.serverNow());
  const inProgress = state.status === 'running' || state.status === 'paused';
  // Each edit is made on the agenda as it is when its turn comes, after the facilitator's earlier edits have been
  // saved: leaving one field and then the next faster than a round trip builds the second on the first instead of
  // sending a stale agenda that the server refuses (and that would undo the first).
  const apply = (edit: (agenda: Agenda) => AgendaEditResult) => {
    void run(async (api) => {
      const latest = connection.getAgenda() ?? snapshot;
      const result = edit(latest.agenda);
      if (!result.ok) {
        setInvalid(result.error);
        return null;
      }
      setInvalid(null);
      return api.saveAgenda(result.agenda, latest.state.revision);
    });
  };

  return (
    <AgendaDialog title={t('agenda.editor.title')} className="editor-dialog" onClose={onClose}>
      <p className="muted">{t('agenda.editor.intro')}</p>
      <AgendaStagesEditor
        agenda={agenda}
        apply={apply}
        pending={pending}
        currentStage={inProgress ? state.stageIndex : null}
        startTimeEditable
        projection={
          projected !== null &&
          inProgress &&
          t('agenda.editor.projected', { time: formatClock(projected, MESA_TIME_ZONE) })
        }
      />
      {(invalid ?? error) && (
        <p className="form-error" role="alert">
          {invalid ?? error}
        </p>
      )}
    </AgendaDialog>
  );
}
