import { useEffect, useRef, useState } from 'react';
import { SECTORS, type Seating, type SeatingTable, type Sector } from '@cocrea/shared';
import { chooseFacilitator, formTables, seatLate, updateSeat } from '../../api/plan';
import { t } from '../../i18n/t';
import { LoadFailure } from '../../ui/LoadFailure';
import { useSeating } from './useSeating';

interface Props {
  eventId: string;
  csrfToken: string;
  /** How many registered: "Formar mesas" has nobody to seat without them. */
  registered: number;
  /** After a change: the registrant list and the attendance show seats too. */
  onChanged(): void;
  /** Changes when the page asks every part to load again (new registrants, say). */
  refreshKey: number;
}

const nameIn = (seating: Seating, registrationId: string) =>
  [...seating.tables.flatMap((table) => table.seats), ...seating.unseated].find(
    (person) => person.registrationId === registrationId,
  )?.name ?? '';

/**
 * "Formar mesas" and the tables it made: each with its people by sector and its facilitator. A person moves
 * between tables by dragging, or with the "Mover a" list beside them (keyboard and touch); a locked seat stays
 * when the tables are formed again; a late arrival sits where the sectors' balance is best kept.
 */
export function TablesBoard({ eventId, csrfToken, registered, onChanged, refreshKey }: Props) {
  const { seating, loadFailure, reload, busy, failure, announcement, change } = useSeating(eventId, onChanged);
  const [loadedKey, setLoadedKey] = useState(refreshKey);
  useEffect(() => {
    if (refreshKey === loadedKey) return;
    setLoadedKey(refreshKey);
    reload();
  }, [refreshKey, loadedKey, reload]);
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  // Who is being dragged, kept here rather than in the drag's data: a drop from elsewhere (a file, a text) is then
  // no move, and no browser's handling of custom data types matters.
  const dragging = useRef<string | null>(null);

  if (loadFailure && !seating) return <LoadFailure message={loadFailure} onRetry={reload} />;
  if (!seating) return <p className="loading">{t('seating.loading')}</p>;

  const formed = seating.tables.length > 0;
  const form = () => {
    if (formed && !window.confirm(t('seating.reform.confirm'))) return;
    void change(
      () => formTables(csrfToken, eventId, formed),
      (after) => t('seating.formed', { count: after.tables.length }),
    );
  };
  const move = (registrationId: string, table: number) =>
    void change(
      () => updateSeat(csrfToken, eventId, registrationId, { table }),
      (after) => t('seating.moved', { name: nameIn(after, registrationId), table }),
    );
  const lock = (registrationId: string, locked: boolean) =>
    void change(
      () => updateSeat(csrfToken, eventId, registrationId, { locked }),
      (after) => t('seating.locked', { name: nameIn(after, registrationId), locked: String(locked) }),
    );
  const seat = (registrationId: string, table?: number) =>
    void change(
      () => seatLate(csrfToken, eventId, registrationId, table),
      (after) => {
        const at = after.tables.find((tb) => tb.seats.some((s) => s.registrationId === registrationId));
        return t('seating.seated', { name: nameIn(after, registrationId), table: at?.number ?? 0 });
      },
    );
  const facilitate = (table: number, registrationId: string | null) =>
    void change(
      () => chooseFacilitator(csrfToken, eventId, table, registrationId),
      (after) =>
        registrationId
          ? t('seating.facilitator', { name: nameIn(after, registrationId), table })
          : t('seating.noFacilitator', { table }),
    );

  return (
    <div className="seating" aria-busy={busy}>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div className="seating-actions">
        <button
          type="button"
          className={formed ? undefined : 'primary'}
          disabled={busy || registered === 0}
          onClick={form}
        >
          {formed ? t('seating.reform') : t('seating.form')}
        </button>
        {registered === 0 && <p className="muted">{t('seating.nobody')}</p>}
        {formed && (
          <p className={seating.sectorBalanced ? 'balance is-ok' : 'balance is-off'}>
            {seating.sectorBalanced ? t('seating.balanced') : t('seating.unbalanced')}
          </p>
        )}
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      {!formed && registered > 0 && <p className="muted">{t('seating.explain')}</p>}

      {formed && seating.unseated.length > 0 && (
        <section className="late-arrivals" aria-labelledby={`late-${eventId}`}>
          <h3 id={`late-${eventId}`}>{t('seating.unseated', { count: seating.unseated.length })}</h3>
          <ul>
            {seating.unseated.map((person) => (
              <li key={person.registrationId}>
                <span className="seat-name">{person.name}</span>{' '}
                <span className={`sector-chip sector-${person.sector}`}>{SECTORS[person.sector]}</span>
                <button type="button" disabled={busy} onClick={() => seat(person.registrationId)}>
                  {t('seating.seatBest', { name: person.name })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {formed && (
        <ol className="tables">
          {seating.tables.map((table) => (
            <li
              key={table.number}
              className={dropTarget === table.number ? 'table-card is-drop-target' : 'table-card'}
              onDragOver={(e) => {
                if (dragging.current === null) return;
                e.preventDefault();
                setDropTarget(table.number);
              }}
              onDragLeave={() => setDropTarget((n) => (n === table.number ? null : n))}
              onDrop={(e) => {
                setDropTarget(null);
                const registrationId = dragging.current;
                dragging.current = null;
                if (!registrationId || table.seats.some((s) => s.registrationId === registrationId)) return;
                e.preventDefault();
                move(registrationId, table.number);
              }}
            >
              <TableCard
                table={table}
                tables={seating.tables.length}
                busy={busy}
                onMove={move}
                onDrag={(registrationId) => (dragging.current = registrationId)}
                onLock={lock}
                onFacilitator={(id) => facilitate(table.number, id)}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

interface TableCardProps {
  table: SeatingTable;
  tables: number;
  busy: boolean;
  onMove(registrationId: string, table: number): void;
  /** A person's drag starts (their id) or ends (null). */
  onDrag(registrationId: string | null): void;
  onLock(registrationId: string, locked: boolean): void;
  onFacilitator(registrationId: string | null): void;
}

/** One table: its people by sector, its facilitator, and for each person the way to another table and the lock. */
function TableCard({ table, tables, busy, onMove, onDrag, onLock, onFacilitator }: TableCardProps) {
  const headingId = `table-${table.number}-title`;
  const bySector = new Map<Sector, number>();
  for (const s of table.seats) bySector.set(s.sector, (bySector.get(s.sector) ?? 0) + 1);
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('seating.table', { table: table.number })}</h3>
      <p className="muted">
        {t('seating.people', { count: table.seats.length })} ·{' '}
        {[...bySector].map(([sector, count]) => `${SECTORS[sector]}: ${count}`).join(' · ')}
      </p>
      <label htmlFor={`${headingId}-facilitator`} className="inline-label">
        {t('seating.facilitatorLabel')}
      </label>
      <select
        id={`${headingId}-facilitator`}
        value={table.facilitatorId ?? ''}
        disabled={busy}
        onChange={(e) => onFacilitator(e.target.value || null)}
      >
        <option value="">{t('seating.facilitatorNone')}</option>
        {table.seats.map((s) => (
          <option key={s.registrationId} value={s.registrationId}>
            {s.name}
          </option>
        ))}
      </select>
      <ul className="seats">
        {table.seats.map((person) => (
          <li
            key={person.registrationId}
            className={person.locked ? 'seat is-locked' : 'seat'}
            draggable={!person.locked && !busy}
            onDragStart={(e) => {
              // Some browsers start no drag without data.
              e.dataTransfer.setData('text/plain', person.name);
              e.dataTransfer.effectAllowed = 'move';
              onDrag(person.registrationId);
            }}
            onDragEnd={() => onDrag(null)}
          >
            <div className="seat-who">
              <span className="seat-name">
                {person.name}
                {table.facilitatorId === person.registrationId && (
                  <span className="role-pill">{t('seating.facilitatorBadge')}</span>
                )}
              </span>
              <span className={`sector-chip sector-${person.sector}`}>{SECTORS[person.sector]}</span>
              <span className="muted seat-org">{person.organization}</span>
              {person.locked && <span className="seat-locked">{t('seating.lockedBadge')}</span>}
            </div>
            <div className="seat-controls">
              <select
                aria-label={t('seating.moveLabel', { name: person.name })}
                value=""
                disabled={busy || person.locked}
                onChange={(e) => onMove(person.registrationId, Number(e.target.value))}
              >
                <option value="">{t('seating.moveTo')}</option>
                {Array.from({ length: tables }, (_, i) => i + 1)
                  .filter((n) => n !== table.number)
                  .map((n) => (
                    <option key={n} value={n}>
                      {t('seating.table', { table: n })}
                    </option>
                  ))}
              </select>
              <button
                type="button"
                aria-pressed={person.locked}
                disabled={busy}
                onClick={() => onLock(person.registrationId, !person.locked)}
                aria-label={t('seating.lockLabel', { name: person.name })}
              >
                {t('seating.lock')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
