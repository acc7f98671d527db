import { COMPLETION_LABELS, COMPLETION_LEVELS, THEMES, type PlanSummary } from '@cocrea/shared';
import { t } from '../../i18n/t';

/**
 * The board at a glance, plan by plan and theme by theme: how many commitments stand at each level of the IRM
 * scale (a stacked bar, and the same counts in words: the bar's text alternative) and how many activities are
 * concluded, under way, late or not started yet.
 */
export function BoardSummary({ summary }: { summary: readonly PlanSummary[] }) {
  return (
    <section className="board-summary" aria-labelledby="resumen">
      <h2 id="resumen">{t('board.summary.title')}</h2>
      {summary.map(({ plan, themes }) => (
        <section key={plan?.id ?? ''} aria-labelledby={`resumen-${plan?.id ?? 'sin-plan'}`}>
          <h3 id={`resumen-${plan?.id ?? 'sin-plan'}`}>{plan ? plan.title : t('board.summary.noPlan')}</h3>
          <ul className="summary-cards">
            {themes.map(({ theme, commitments, activities }) => {
              const levels = [...COMPLETION_LEVELS].reverse().filter((level) => commitments[level] > 0);
              return (
                <li key={theme} className="summary-card">
                  <p className="summary-card-title">
                    {t('board.summary.theme', { theme: THEMES[theme], count: commitments.total })}
                  </p>
                  <div className="summary-bar" aria-hidden="true">
                    {levels.map((level) => (
                      <span
                        key={level}
                        className={`level-${level}`}
                        style={{ flexGrow: commitments[level] }}
                        title={COMPLETION_LABELS[level]}
                      />
                    ))}
                  </div>
                  <ul className="summary-levels" aria-label={t('board.summary.levels')}>
                    {levels.map((level) => (
                      <li key={level}>
                        {t('board.summary.level', { level: COMPLETION_LABELS[level], count: commitments[level] })}
                      </li>
                    ))}
                  </ul>
                  <p className="summary-activities">
                    {t('board.summary.activities', {
                      total: activities.total,
                      done: activities.concluida,
                      running: activities.en_curso,
                      late: activities.atrasada,
                      pending: activities.por_iniciar,
                    })}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
