import { t } from '../../i18n/t';
import { AgendaDialog } from './AgendaDialog';
import { scheduleRows } from './scheduleRows';
import { useAgendaRoom } from './useAgendaRoom';

function difference(minutes: number | null): string {
  if (minutes === null) return t('agenda.schedule.none');
  if (minutes === 0) return t('agenda.schedule.onTime');
  return t(minutes > 0 ? 'agenda.schedule.later' : 'agenda.schedule.earlier', { m: Math.abs(minutes) });
}

/**
 * The mesa's record: the planned and actual start and end of every stage, in Mexico City time, and how late or early
 * each began; kept after the mesa ends.
 */
export function ScheduleView({ onClose }: { onClose(): void }) {
  const { snapshot } = useAgendaRoom();
  if (snapshot === null) return null;
  const rows = scheduleRows(snapshot.agenda, snapshot.state);
  return (
    <AgendaDialog title={t('agenda.schedule.title')} className="schedule-dialog" onClose={onClose}>
      {snapshot.state.stageLog.length === 0 && <p className="muted">{t('agenda.schedule.empty')}</p>}
      <table className="agenda-table">
        <caption>{t('agenda.schedule.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agenda.editor.stage')}</th>
            <th scope="col">{t('agenda.schedule.planned')}</th>
            <th scope="col">{t('agenda.schedule.plannedEnd')}</th>
            <th scope="col">{t('agenda.schedule.actual')}</th>
            <th scope="col">{t('agenda.schedule.end')}</th>
            <th scope="col">{t('agenda.schedule.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.stageId} aria-current={row.number === snapshot.state.stageIndex ? 'step' : undefined}>
              <th scope="row">
                {row.number}. {row.name}
                {row.returns.length > 0 && (
                  <span className="muted schedule-returns">
                    {t('agenda.schedule.resumed', { times: row.returns.join(', ') })}
                  </span>
                )}
              </th>
              <td>{row.plannedStart}</td>
              <td>{row.plannedEnd}</td>
              <td>{row.actualStart ?? t('agenda.schedule.none')}</td>
              <td>{row.actualEnd ?? t('agenda.schedule.none')}</td>
              <td className={row.differenceMin !== null && row.differenceMin > 0 ? 'is-late' : undefined}>
                {difference(row.differenceMin)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AgendaDialog>
  );
}
