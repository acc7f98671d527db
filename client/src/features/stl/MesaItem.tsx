import { useId, useRef } from 'react';
import { ROLES, ROLE_LABELS, SECTORS, THEMES, type MesaSummary, type Role, type Sector } from '@cocrea/shared';
import { formatDay, formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { useAction } from './useAction';
import { closeMesa, rotateLink } from '../../api/stl';
import { ProactivePhaseLine } from '../proactive/ProactivePhaseLine';

interface Props {
  mesa: MesaSummary;
  csrfToken: string;
  /** After the mesa was closed: the list reloads and announces it. */
  onClosed(mesa: MesaSummary): void;
  onRotated(mesa: MesaSummary, role: Role, link: string): void;
}

/** One mesa in the STL's list: theme, date, state, attendance, and its actions. */
export function MesaItem({ mesa, csrfToken, onClosed, onRotated }: Props) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { busy, failure, act } = useAction();

  const close = () =>
    act(async () => {
      if (!window.confirm(t('stl.mesa.confirmClose', { title: mesa.title }))) return;
      await closeMesa(csrfToken, mesa.id);
      // The close button goes away with the open state: focus stays in the mesa, on its title.
      heading.current?.focus();
      onClosed(mesa);
    });

  const rotate = (role: Role) =>
    act(async () => {
      const label = ROLE_LABELS[role].toLowerCase();
      if (!window.confirm(t('stl.mesa.confirmNewLink', { role: label, title: mesa.title }))) return;
      const rotated = await rotateLink(csrfToken, mesa.id, role);
      onRotated(mesa, role, rotated.link);
    });

  return (
    <li className="stl-mesa">
      <article aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {mesa.title}
        </h3>
        <p className="muted">
          {THEMES[mesa.theme]} · {formatDay(mesa.date)}
        </p>
        <ProactivePhaseLine mesa={mesa} />
        <p className={mesa.closedAt ? 'mesa-state is-closed' : 'mesa-state is-open'}>
          {mesa.closedAt ? t('stl.mesa.closed', { date: formatInstant(mesa.closedAt) }) : t('stl.mesa.open')}
        </p>
        <Attendance mesa={mesa} />
        <div className="stl-mesa-actions">
          {!mesa.closedAt && (
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => void close()}
              aria-label={t('stl.mesa.closeLabel', { title: mesa.title })}
            >
              {t('stl.mesa.close')}
            </button>
          )}
          <details>
            <summary>{t('stl.mesa.newLink')}</summary>
            {ROLES.map((role) => (
              <button
                key={role}
                type="button"
                disabled={busy}
                onClick={() => void rotate(role)}
                aria-label={t('stl.mesa.newLinkLabel', { role: ROLE_LABELS[role], title: mesa.title })}
              >
                {t('stl.mesa.newLinkFor', { role: ROLE_LABELS[role] })}
              </button>
            ))}
          </details>
        </div>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
      </article>
    </li>
  );
}

/** Who joined, by sector and by role: the counts only, never names (Chatham House rule). */
function Attendance({ mesa: { attendance } }: { mesa: MesaSummary }) {
  if (attendance.total === 0) return <p className="muted">{t('stl.mesa.noAttendance')}</p>;
  const counts = <K extends string>(byKey: Record<K, number>, labels: Record<K, string>) =>
    (Object.entries(byKey) as [K, number][])
      .filter(([, count]) => count > 0)
      .map(([key, count]) => `${labels[key]}: ${count}`)
      .join(' · ');
  return (
    <dl className="stl-attendance">
      <dt>{t('stl.mesa.attendance', { count: attendance.total })}</dt>
      <dd>
        {t('stl.mesa.bySector')}: {counts<Sector>(attendance.bySector, SECTORS)}
      </dd>
      <dd>
        {t('stl.mesa.byRole')}: {counts<Role>(attendance.byRole, ROLE_LABELS)}
      </dd>
    </dl>
  );
}
