import { useEffect, useId, useRef, useState } from 'react';
import { ROLE_LABELS } from '@cocrea/shared';
import { t } from '../../i18n/t';
import type { MesaConnection, PresenceState } from '../../sync/MesaConnection';
import { usePresence } from '../../sync/usePresence';

/**
 * Faces the header has room for, the "+N" included. Past that, one face per person would push the mesa's title
 * out of the header and the page sideways: a plenary has 250.
 */
const FACES = 8;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

function label(person: PresenceState): string {
  const name = person.user.name ?? t('presence.anonymous');
  return `${name}${person.isLocal ? ` ${t('presence.you')}` : ''} · ${ROLE_LABELS[person.user.role]}`;
}

function Avatar({ person }: { person: PresenceState }) {
  return (
    <span className="avatar" style={{ background: person.user.color ?? '#6b7280' }} aria-hidden="true">
      {initials(person.user.name ?? t('presence.anonymous'))}
    </span>
  );
}

/**
 * One entry per person: the connections of someone with two tabs or devices open (the projector and their laptop)
 * share the seat's participant id; anonymous connections (a script's) count one each.
 */
function byPerson(connections: readonly PresenceState[]): PresenceState[] {
  const people = new Map<string, PresenceState>();
  for (const connection of connections) {
    const key = connection.user.id ?? `connection:${connection.clientId}`;
    const seen = people.get(key);
    if (!seen || (connection.isLocal && !seen.isLocal)) people.set(key, connection);
  }
  return [...people.values()];
}

/**
 * Who is here now, with the names and colours the server recorded when they joined: a face each (oneself first),
 * and when there are more than fit, a "+N" that opens the list of everyone.
 */
export function PresenceList({ connection }: { connection: MesaConnection }) {
  const people = byPerson(usePresence(connection));
  const ordered = [...people.filter((p) => p.isLocal), ...people.filter((p) => !p.isLocal)];
  const faces = ordered.length > FACES ? ordered.slice(0, FACES - 1) : ordered;
  return (
    <section className="presence" aria-label={t('presence.title', { count: people.length })}>
      <ul>
        {faces.map((p) => (
          <li key={p.clientId} title={label(p)}>
            <Avatar person={p} />
            <span className="visually-hidden">{label(p)}</span>
          </li>
        ))}
      </ul>
      {faces.length < ordered.length && <Everyone people={ordered} more={ordered.length - faces.length} />}
    </section>
  );
}

/** The "+N" and, open, everyone present by name and role (a disclosure); Escape or a click elsewhere closes it. */
function Everyone({ people, more }: { people: readonly PresenceState[]; more: number }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return (
    <div className="presence-everyone" ref={box}>
      <button
        ref={button}
        type="button"
        className="avatar presence-more"
        aria-label={t('presence.everyone', { count: people.length })}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
      >
        {t('presence.more', { count: more })}
      </button>
      <ul className="presence-directory" id={listId} hidden={!open}>
        {people.map((p) => (
          <li key={p.clientId}>
            <Avatar person={p} />
            {label(p)}
          </li>
        ))}
      </ul>
    </div>
  );
}
