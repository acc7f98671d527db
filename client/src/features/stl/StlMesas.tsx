import { useState } from 'react';
import { ROLES, ROLE_LABELS, type CreatedMesa, type Role, type StlSession } from '@cocrea/shared';
import type { MessageKey } from '../../i18n/es-MX';
import { t } from '../../i18n/t';
import { MesaCreateForm } from './MesaCreateForm';
import { MesaItem } from './MesaItem';
import { OneTimeLinks, type OneTime } from './OneTimeLinks';
import { StlLayout } from '../../ui/StlLayout';
import { useStlMesas } from '../../api/useStlMesas';
import { LoadFailure } from '../../ui/LoadFailure';

const LINK_LABELS: Record<Role, MessageKey> = {
  facilitator: 'stl.links.role.facilitator',
  participant: 'stl.links.role.participant',
  observer: 'stl.links.role.observer',
};

/** `/stl/mesas`: the STL's mesas with their attendance, a new mesa and its links, and closing. */
export function StlMesas({ session, onLoggedOut }: { session: StlSession; onLoggedOut(): void }) {
  const { state, reload } = useStlMesas();
  const [shown, setShown] = useState<OneTime | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const csrfToken = session.csrfToken;

  function created({ mesa, links }: CreatedMesa) {
    setShown({
      title: t('stl.links.title', { title: mesa.title }),
      notice: t('stl.links.once'),
      links: ROLES.map((role) => ({ label: t(LINK_LABELS[role]), url: links[role] })),
    });
    reload();
  }

  return (
    <StlLayout title={t('stl.mesas.title')} session={session} current="mesas" onLoggedOut={onLoggedOut}>
      {shown && <OneTimeLinks shown={shown} onDismiss={() => setShown(null)} />}
      <div className="stl-columns">
        <div className="stl-side">
          <MesaCreateForm csrfToken={csrfToken} onCreated={created} />
        </div>
        <section className="stl-list" aria-labelledby="stl-list-title" aria-busy={state.status === 'loading'}>
          <h2 id="stl-list-title">{t('stl.mesas.title')}</h2>
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
          {state.status === 'loading' && <p className="loading">{t('stl.mesas.loading')}</p>}
          {state.status === 'error' && <LoadFailure message={state.message} onRetry={reload} />}
          {state.status === 'ready' && state.mesas.length === 0 && <p className="muted">{t('stl.mesas.empty')}</p>}
          {state.status === 'ready' && state.mesas.length > 0 && (
            <ul className="stl-mesas">
              {state.mesas.map((mesa) => (
                <MesaItem
                  key={mesa.id}
                  mesa={mesa}
                  csrfToken={csrfToken}
                  onClosed={(closed) => {
                    setAnnouncement(t('stl.mesa.closedNotice', { title: closed.title }));
                    reload();
                  }}
                  onRotated={(rotated, role, link) => {
                    const label = ROLE_LABELS[role].toLowerCase();
                    setShown({
                      title: t('stl.rotated.title', { role: label, title: rotated.title }),
                      notice: t('stl.links.once'),
                      links: [{ label: t(LINK_LABELS[role]), url: link }],
                    });
                  }}
                />
              ))}
            </ul>
          )}
        </section>
      </div>
    </StlLayout>
  );
}
