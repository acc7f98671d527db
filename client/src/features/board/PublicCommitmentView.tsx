import { useId, useMemo } from 'react';
import {
  buildCronograma,
  COMMITMENT_FIELD_LABELS as L,
  COMMITMENT_TYPES,
  spanishMonth,
  type PublicCommitment,
} from '@cocrea/shared';
import { CronogramaGrid } from '../cronograma/CronogramaGrid';
import { formatDay, formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { CompletionBadge } from './CompletionBadge';

/**
 * One published commitment on the public board: its problem and wording, each line of action's activities with
 * their progress and evidence, and the roadmap. Nobody's name but the responsible servants'.
 */
export function PublicCommitmentView({ commitment: c }: { commitment: PublicCommitment }) {
  const id = useId();
  const { roadmap } = c;
  const cronograma = useMemo(
    () =>
      buildCronograma({
        route: c.route.map((step, i) => ({ ...step, id: `paso-${i + 1}` })),
        linesOfAction: c.linesOfAction,
      }),
    [c],
  );
  return (
    <article className="board-commitment" aria-labelledby={`${id}-title`}>
      <header className="board-commitment-head">
        <h3 id={`${id}-title`}>{c.title}</h3>
        <CompletionBadge level={c.completion} label={t('board.completion')} />
      </header>
      <p className="board-identity">
        {t('board.identity', { type: COMMITMENT_TYPES[c.type], institution: c.leadInstitution, mesa: c.mesaTitle })}
      </p>
      <p className="muted">{t('board.published', { number: c.version, date: formatInstant(c.publishedAt) })}</p>
      <dl className="board-texts">
        <dt>{L.problem}</dt>
        <dd>{c.problem}</dd>
        <dt>{L.commitment}</dt>
        <dd>{c.commitment}</dd>
        <dt>{L.longTermObjective}</dt>
        <dd>{c.longTermObjective}</dd>
      </dl>

      {c.linesOfAction.map((line, l) => (
        <section key={line.id} className="board-line" aria-labelledby={`${id}-line-${l}`}>
          <h4 id={`${id}-line-${l}`}>{t('print.line', { number: l + 1 })}</h4>
          <p>{line.title}</p>
          <div className="table-scroll">
            <table className="review-table board-table">
              <caption className="visually-hidden">{t('board.activitiesOf', { number: l + 1 })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('print.activity')}</th>
                  <th scope="col">{L['linesOfAction.*.activities.*.verification']}</th>
                  <th scope="col">{t('print.period')}</th>
                  <th scope="col">{t('board.progress')}</th>
                  <th scope="col">{t('board.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {line.activities.map((activity, a) => (
                  <tr key={activity.id}>
                    <th scope="row">
                      {l + 1}.{a + 1}. {activity.title}
                    </th>
                    <td>{activity.verification}</td>
                    <td>
                      {formatDay(activity.startDate)} – {formatDay(activity.endDate)}
                    </td>
                    <td>
                      <CompletionBadge level={activity.progress.level} />
                      {activity.progress.note && <p className="board-note">{activity.progress.note}</p>}
                    </td>
                    <td>
                      {activity.progress.evidence.length === 0 ? (
                        <span className="muted">{t('board.noEvidence')}</span>
                      ) : (
                        <ul className="board-evidence">
                          {activity.progress.evidence.map((evidence, e) => (
                            <li key={evidence.url}>
                              <a href={evidence.url} rel="noopener noreferrer external" target="_blank">
                                {evidence.title ||
                                  t('board.evidenceLink', { number: e + 1, activity: `${l + 1}.${a + 1}` })}
                              </a>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}

      <section className="board-route" aria-labelledby={`${id}-route`}>
        <h4 id={`${id}-route`}>{t('commitment.index.route')}</h4>
        {c.route.length > 0 && (
          <ol>
            {c.route.map((step, i) => (
              <li key={i}>
                {step.text}
                {step.startMonth && step.endMonth && (
                  <span className="muted">
                    {' '}
                    ({t('cronograma.period', { from: spanishMonth(step.startMonth), to: spanishMonth(step.endMonth) })})
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
        <CronogramaGrid cronograma={cronograma} caption={t('cronograma.caption')} />
      </section>

      <section className="board-roadmap" aria-labelledby={`${id}-roadmap`}>
        <h4 id={`${id}-roadmap`}>{t('commitment.roadmap')}</h4>
        <dl className="board-texts">
          <dt>{L.responsibles}</dt>
          <dd>
            <ul>
              {roadmap.responsibles.map((person, i) => (
                <li key={i}>
                  {person.name}, {person.position}, {person.institution}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('board.coResponsible')}</dt>
          <dd>{roadmap.coResponsibleOrganization}</dd>
          <dt>{L.finalResult}</dt>
          <dd>{roadmap.finalResult}</dd>
          <dt>{L.products}</dt>
          <dd>
            <ul>
              {roadmap.products.map((product, i) => (
                <li key={i}>{product}</li>
              ))}
            </ul>
          </dd>
          <dt>{L.indicators}</dt>
          <dd>
            <ul>
              {roadmap.indicators.map((indicator, i) => (
                <li key={i}>
                  {indicator.name}
                  {indicator.goal && ` · ${L['indicators.*.goal']}: ${indicator.goal}`}
                </li>
              ))}
            </ul>
          </dd>
          <dt>{t('print.dates')}</dt>
          <dd>
            {formatDay(roadmap.startDate)} – {formatDay(roadmap.endDate)}
          </dd>
        </dl>
      </section>
    </article>
  );
}
