import { COMMITMENT_FIELD_LABELS as L, COMMITMENT_TYPES, spanishMonth, type PublicCommitment } from '@cocrea/shared';
import { formatDay, formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { ActivityCards } from './ActivityCards';
import { CommitmentCronograma } from './CommitmentCronograma';
import { CommitmentProgress } from './CommitmentProgress';

/**
 * One published commitment's own page on the public board: its identity and progress, its problem and wording,
 * every activity with its progress and evidence, its route and cronograma, and the roadmap. Nobody's name but the
 * responsible servants'.
 */
export function PublicCommitmentView({
  commitment: c,
  today,
  shareUrl,
}: {
  commitment: PublicCommitment;
  /** YYYY-MM-DD, central Mexico. */
  today: string;
  /** This page's address, to copy and share. */
  shareUrl: string;
}) {
  const { roadmap } = c;
  return (
    <article className="board-commitment board-commitment-page" aria-labelledby="compromiso">
      <h1 id="compromiso">{c.title}</h1>
      <p className="board-identity">
        {t('board.identity', {
          kind: c.type,
          type: COMMITMENT_TYPES[c.type],
          institution: c.leadInstitution,
          mesa: c.mesaTitle,
        })}
      </p>
      {c.plan && <p className="muted">{t('board.plan', { title: c.plan.title })}</p>}
      <p className="muted">{t('board.published', { number: c.version, date: formatInstant(c.publishedAt) })}</p>
      <CommitmentProgress commitment={c} today={today} />
      <div className="board-share">
        <label htmlFor="enlace-compromiso">{t('board.commitment.share')}</label>
        <input id="enlace-compromiso" type="url" readOnly value={shareUrl} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <dl className="board-texts">
        <dt>{L.problem}</dt>
        <dd>{c.problem}</dd>
        <dt>{L.commitment}</dt>
        <dd>{c.commitment}</dd>
        <dt>{L.longTermObjective}</dt>
        <dd>{c.longTermObjective}</dd>
      </dl>

      <section className="board-activities" aria-labelledby="actividades">
        <h2 id="actividades">{t('board.activities')}</h2>
        <ActivityCards commitment={c} today={today} headingLevel={3} detailed />
      </section>

      <section className="board-route" aria-labelledby="ruta">
        <h2 id="ruta">{t('commitment.index.route')}</h2>
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
        <CommitmentCronograma commitment={c} today={today} />
      </section>

      <section className="board-roadmap" aria-labelledby="hoja-de-ruta">
        <h2 id="hoja-de-ruta">{t('commitment.roadmap')}</h2>
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
