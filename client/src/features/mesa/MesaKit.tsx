import { useEffect, useState } from 'react';
import type { MesaKit as Kit } from '@cocrea/shared';
import { fetchMesaKit } from '../../api/registration';
import { t } from '../../i18n/t';
import { KitList } from '../registration/KitList';

/**
 * The participant kit inside a table's mesa, for whoever is in it, read with the mesa's link. A mesa of no event,
 * or whose event has no kit, shows nothing; neither does a kit that did not load (the mesa works without it).
 */
export function MesaKit({ mesaId, token }: { mesaId: string; token: string }) {
  const [kit, setKit] = useState<Kit | null>(null);
  useEffect(() => {
    let current = true;
    fetchMesaKit(mesaId, token).then(
      (answer) => current && setKit(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [mesaId, token]);
  if (!kit || kit.eventId === null || kit.items.length === 0) return null;
  return (
    <details className="mesa-kit">
      <summary>{t('kit.mesa', { count: kit.items.length })}</summary>
      <KitList items={kit.items} token={token} eventId={kit.eventId} />
    </details>
  );
}
