import { buildCronograma, COMMITMENT_FIELD_LABELS as L, spanishMonth, type CronogramaSource } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { CronogramaGrid } from '../cronograma/CronogramaGrid';

/**
 * The route to fulfilment as a numbered list and the cronograma as its grid. A grid wider than a portrait page
 * (more than eight months) goes on pages of its own in A4 landscape (the `cronograma-wide` named page).
 */
export function RouteSection({ source }: { source: CronogramaSource }) {
  const cronograma = buildCronograma(source);
  return (
    <>
      {source.route.length > 0 && (
        <section className="print-route">
          <h2>{L.route}</h2>
          <ol>
            {source.route.map((step) => (
              <li key={step.id}>
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
        </section>
      )}
      {cronograma.months.length > 0 && (
        <section className={`print-cronograma${cronograma.months.length > 8 ? ' print-cronograma-wide' : ''}`}>
          <h2>{t('cronograma.title')}</h2>
          <CronogramaGrid cronograma={cronograma} caption={t('cronograma.caption')} />
        </section>
      )}
    </>
  );
}
