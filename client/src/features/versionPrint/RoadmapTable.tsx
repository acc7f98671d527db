import { COMMITMENT_FIELD_LABELS as L, type Commitment } from '@cocrea/shared';
import { formatDay } from '../../i18n/dates';
import { t } from '../../i18n/t';

/** The roadmap as one table of headed rows: who answers for the commitment, what it delivers and when. */
export function RoadmapTable({ commitment: c }: { commitment: Commitment }) {
  const verifications = c.linesOfAction.flatMap((line) => line.activities.map((a) => a.verification));
  return (
    <section className="print-roadmap">
      <h2>{t('commitment.roadmap')}</h2>
      <table className="print-table print-roadmap-table">
        <tbody>
          <tr>
            <th scope="row">{L.responsibles}</th>
            <td>
              <ul>
                {c.responsibles.map((person) => (
                  <li key={person.id}>
                    {person.name}, {person.position}, {person.institution}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
          <tr>
            <th scope="row">{L.coResponsible}</th>
            <td>
              {c.coResponsible.organization} ({c.coResponsible.person})
            </td>
          </tr>
          <tr>
            <th scope="row">{t('print.activities')}</th>
            <td>{t('print.activitiesSummary', { lines: c.linesOfAction.length, activities: verifications.length })}</td>
          </tr>
          <tr>
            <th scope="row">{L.finalResult}</th>
            <td>{c.finalResult}</td>
          </tr>
          <tr>
            <th scope="row">{L.products}</th>
            <td>
              <ul>
                {c.products.map((product) => (
                  <li key={product.id}>{product.text}</li>
                ))}
              </ul>
            </td>
          </tr>
          <tr>
            <th scope="row">{L.indicators}</th>
            <td>
              <ul>
                {c.indicators.map((indicator) => (
                  <li key={indicator.id}>
                    {indicator.name}
                    {indicator.formula && ` · ${L['indicators.*.formula']}: ${indicator.formula}`}
                    {indicator.goal && ` · ${L['indicators.*.goal']}: ${indicator.goal}`}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
          <tr>
            <th scope="row">{t('print.verification')}</th>
            <td>{[...new Set(verifications)].join(' · ')}</td>
          </tr>
          <tr>
            <th scope="row">{t('print.dates')}</th>
            <td>
              {formatDay(c.startDate)} – {formatDay(c.endDate)}
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
