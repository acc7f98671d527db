import { COMMITMENT_FIELD_LABELS as L, CRITERIA, CRITERION_IDS, type Commitment } from '@cocrea/shared';
import { t } from '../../i18n/t';

/** The group's self-assessment against the six criteria: met or not, and its note. */
export function CriteriaTable({ commitment: c }: { commitment: Commitment }) {
  return (
    <section>
      <h2>{t('commitment.criteria')}</h2>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">{L['criteria.*']}</th>
            <th scope="col">{L['criteria.*.met']}</th>
            <th scope="col">{L['criteria.*.note']}</th>
          </tr>
        </thead>
        <tbody>
          {CRITERION_IDS.map((id) => (
            <tr key={id}>
              <th scope="row">
                {id}. {CRITERIA[id].title}
              </th>
              <td>{c.criteria[id].met ? t('commitment.criteria.yes') : t('commitment.criteria.no')}</td>
              <td>{c.criteria[id].note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
