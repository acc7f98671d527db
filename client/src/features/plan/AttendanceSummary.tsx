import { ROLE_LABELS, SECTORS, type EventAttendance, type Role, type Sector } from '@cocrea/shared';
import { attendanceCsvUrl } from '../../api/plan';
import { t } from '../../i18n/t';

const counts = <K extends string>(byKey: Record<K, number>, labels: Record<K, string>) =>
  (Object.entries(byKey) as [K, number][])
    .filter(([, count]) => count > 0)
    .map(([key, count]) => `${labels[key]}: ${count}`)
    .join(' · ') || '—';

/** Etapa 0's registro de asistentes: who registered and who came, by sector, role and table; and its CSV. */
export function AttendanceSummary({ attendance }: { attendance: EventAttendance }) {
  return (
    <>
      <dl className="stl-attendance">
        <dt>{t('attendance.registered', { count: attendance.registered.total })}</dt>
        <dd>{counts<Sector>(attendance.registered.bySector, SECTORS)}</dd>
        <dt>{t('attendance.present', { count: attendance.present.total })}</dt>
        <dd>
          {t('stl.mesa.bySector')}: {counts<Sector>(attendance.present.bySector, SECTORS)}
        </dd>
        <dd>
          {t('stl.mesa.byRole')}: {counts<Role>(attendance.present.byRole, ROLE_LABELS)}
        </dd>
      </dl>
      {attendance.tables.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('attendance.byTable')}>
          <table className="review-table">
            <caption className="visually-hidden">{t('attendance.byTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registrants.table')}</th>
                <th scope="col">{t('attendance.seated')}</th>
                <th scope="col">{t('attendance.presentShort')}</th>
                <th scope="col">{t('stl.mesa.bySector')}</th>
                <th scope="col">{t('stl.mesa.byRole')}</th>
              </tr>
            </thead>
            <tbody>
              {attendance.tables.map((table) => (
                <tr key={table.number}>
                  <th scope="row">{t('seating.table', { table: table.number })}</th>
                  <td>{table.seated.total}</td>
                  <td>{table.present.total}</td>
                  <td>{counts<Sector>(table.present.bySector, SECTORS)}</td>
                  <td>{counts<Role>(table.present.byRole, ROLE_LABELS)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={attendanceCsvUrl(attendance.eventId)} download>
          {t('attendance.csv')}
        </a>
      </p>
      <p className="muted">{t('attendance.csvNotice')}</p>
    </>
  );
}
