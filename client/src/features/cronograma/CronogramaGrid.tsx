import { Fragment } from 'react';
import { happensIn, spanishMonth, type Cronograma } from '@cocrea/shared';
import { currentMonth, shortMonth } from '../../i18n/dates';
import { t } from '../../i18n/t';

interface CronogramaGridProps {
  cronograma: Cronograma;
  /** Names the table: "Cronograma del compromiso". */
  caption: string;
  /** YYYY-MM; this month's column is marked. Central Mexico's by default. */
  today?: string;
}

/**
 * A cronograma as a month-by-month grid, the way seed 001 draws it: one row per step or activity, grouped, months as
 * columns, a mark where it happens, this month's column marked. It is a real table, so it is its own text
 * alternative: each row header says the period in words, each marked cell says "programado".
 */
export function CronogramaGrid({ cronograma, caption, today = currentMonth() }: CronogramaGridProps) {
  const { months, groups } = cronograma;
  if (months.length === 0) return <p className="empty">{t('cronograma.empty')}</p>;
  const yearShown = (month: string, i: number) => i === 0 || month.endsWith('-01');
  return (
    // Focusable, so that a keyboard can scroll a grid wider than the screen.
    <div className="table-scroll cronograma-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className={`cronograma${months.length > 8 ? ' cronograma-wide' : ''}`}>
        <caption>
          {caption}
          <span className="visually-hidden">
            {' '}
            {t('cronograma.summary', {
              from: spanishMonth(months[0]!),
              to: spanishMonth(months.at(-1)!),
              today: spanishMonth(today),
            })}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col" className="cronograma-action">
              {t('cronograma.action')}
            </th>
            {months.map((month, i) => (
              <th
                key={month}
                scope="col"
                className={month === today ? 'cronograma-today' : undefined}
                aria-current={month === today ? 'date' : undefined}
              >
                <span aria-hidden="true">
                  {shortMonth(month)}
                  {yearShown(month, i) && <span className="cronograma-year">{month.slice(0, 4)}</span>}
                  {month === today && <span className="cronograma-today-label">{t('cronograma.today')}</span>}
                </span>
                <span className="visually-hidden">{spanishMonth(month)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <Fragment key={group.title}>
              <tr className="cronograma-group">
                <th scope="colgroup" colSpan={months.length + 1}>
                  {group.title}
                </th>
              </tr>
              {group.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className="cronograma-action">
                    {row.label}
                    <span className="visually-hidden">
                      {' '}
                      {t('cronograma.period', { from: spanishMonth(row.startMonth), to: spanishMonth(row.endMonth) })}
                    </span>
                  </th>
                  {months.map((month) => {
                    const on = happensIn(row, month);
                    const classes = [on ? 'cronograma-on' : '', month === today ? 'cronograma-today' : '']
                      .filter(Boolean)
                      .join(' ');
                    return (
                      <td key={month} className={classes || undefined}>
                        {on && <span className="visually-hidden">{t('cronograma.scheduled')}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
