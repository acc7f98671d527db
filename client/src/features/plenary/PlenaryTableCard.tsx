import {
  REVIEW_STATUS_LABELS,
  SECTORS,
  formatClock,
  formatRemaining,
  type PlenaryTable,
  type Sector,
} from '@cocrea/shared';
import { t } from '../../i18n/t';

interface Props {
  table: PlenaryTable;
  /** The server's clock as estimated, or null before the first estimate (the countdown shows "--:--"). */
  serverNow: number | null;
}

/** The time left in the table's stage: counted to `endsAt` while running, as the table's own screens count it. */
function remaining(table: PlenaryTable, serverNow: number | null): number | null {
  const { agenda } = table;
  if (agenda.status === 'running')
    return serverNow === null || agenda.endsAt === null ? null : agenda.endsAt - serverNow;
  return agenda.remainingMs;
}

function saveText({ save }: PlenaryTable): string {
  if (!save.connected) return t('plenary.save.idle');
  if (save.pending > 0) return t('plenary.save.pending', { count: save.pending });
  if (save.lastSavedAt === null) return t('plenary.save.saved');
  return t('plenary.save.savedAt', { time: formatClock(Date.parse(save.lastSavedAt)) });
}

/**
 * One table in the plenary: its stage and time left, who has it open by sector (counts, never names), whether its
 * work is stored, and its latest commitment version. The countdown is not a live region: read aloud every
 * second it would drown everything else; it is read with the card.
 */
export function PlenaryTableCard({ table, serverNow }: Props) {
  const ms = remaining(table, serverNow);
  const overtime = ms !== null && ms < 0 && table.agenda.status !== 'finished';
  const present = (Object.entries(table.present) as [Sector, number][]).filter(([, count]) => count > 0);
  const total = present.reduce((sum, [, count]) => sum + count, 0);
  const headingId = `plenary-table-${table.number}`;
  return (
    <li>
      <article
        className={`plenary-table status-${table.agenda.status}${overtime ? ' is-overtime' : ''}`}
        aria-labelledby={headingId}
      >
        <h3 id={headingId}>{t('plenary.table', { table: table.number })}</h3>
        <p className="plenary-stage">
          {t('agenda.stage', { number: table.agenda.stageIndex })} ·{' '}
          <span className="stage-status">{t(`agenda.status.${table.agenda.status}`)}</span>
          <br />
          <strong>{table.agenda.stageName}</strong>
        </p>
        <p className="plenary-time">
          <span className="muted">{overtime ? t('agenda.overtime') : t('agenda.timeLeft')}</span>{' '}
          <span className="plenary-clock">{ms === null ? '--:--' : formatRemaining(ms)}</span>
        </p>
        <p>{t('plenary.present', { present: total, seated: table.seated })}</p>
        {present.length === 0 ? (
          <p className="muted">{t('plenary.present.nobody')}</p>
        ) : (
          <ul className="plenary-sectors">
            {present.map(([sector, count]) => (
              <li key={sector}>
                {SECTORS[sector]}: {count}
              </li>
            ))}
          </ul>
        )}
        <p className={table.save.pending > 0 ? 'plenary-save is-pending' : 'plenary-save'}>{saveText(table)}</p>
        <p>
          {table.latestVersion === null
            ? t('plenary.version.none')
            : t('plenary.version', {
                number: table.latestVersion.number,
                status: REVIEW_STATUS_LABELS[table.latestVersion.status],
              })}
        </p>
      </article>
    </li>
  );
}
