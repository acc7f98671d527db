import { ROLE_LABELS } from '@cocrea/shared';
import { t } from '../../i18n/t';
import type { MesaConnection } from '../../sync/MesaConnection';
import { usePresence } from '../../sync/usePresence';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** Who is here now, with the names and colours the server recorded when they joined. */
export function PresenceList({ connection }: { connection: MesaConnection }) {
  const people = usePresence(connection);
  return (
    <section className="presence" aria-label={t('presence.title', { count: people.length })}>
      <ul>
        {people.map((p) => {
          const name = p.user.name ?? t('presence.anonymous');
          const label = `${name}${p.isLocal ? ` ${t('presence.you')}` : ''} · ${ROLE_LABELS[p.user.role]}`;
          return (
            <li key={p.clientId} title={label}>
              <span className="avatar" style={{ background: p.user.color ?? '#6b7280' }} aria-hidden="true">
                {initials(name)}
              </span>
              <span className="visually-hidden">{label}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
