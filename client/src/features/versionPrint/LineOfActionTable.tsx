import { COMMITMENT_FIELD_LABELS as L, type Commitment } from '@cocrea/shared';
import { formatDay } from '../../i18n/dates';
import { t } from '../../i18n/t';

/** A line of action and its activities, one row each: what, what for, how it is verified, and when. */
export function LineOfActionTable({ line, number }: { line: Commitment['linesOfAction'][number]; number: number }) {
  return (
    <section className="print-line">
      <h2>{t('print.line', { number })}</h2>
      <p className="print-text">{line.title}</p>
      <table className="print-table">
        <caption>{t('print.activities')}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-activity">
              {t('print.activity')}
            </th>
            <th scope="col" className="col-objective">
              {L['linesOfAction.*.activities.*.objective']}
            </th>
            <th scope="col" className="col-verification">
              {L['linesOfAction.*.activities.*.verification']}
            </th>
            <th scope="col" className="col-period">
              {t('print.period')}
            </th>
          </tr>
        </thead>
        <tbody>
          {line.activities.map((activity, a) => (
            <tr key={activity.id}>
              <td>
                {a + 1}. {activity.title}
              </td>
              <td>{activity.objective}</td>
              <td>{activity.verification}</td>
              <td>
                {formatDay(activity.startDate)} –<br />
                {formatDay(activity.endDate)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
