import { useSyncExternalStore } from 'react';
import { t } from '../../i18n/t';
import type { MesaConnection } from '../../sync/MesaConnection';

/**
 * Says that this page's code is older than the server's (it closed the socket with 4426) and offers to reload. The
 * page stays readable meanwhile, and it no longer tries to connect: only the server's current client can.
 */
export function OutdatedClientBanner({ connection }: { connection: MesaConnection }) {
  const outdated = useSyncExternalStore(connection.subscribe, connection.isOutdated);
  if (!outdated) return null;
  return (
    <div className="banner-update" role="alert">
      <p>
        <strong>{t('sync.outdated')}</strong> {t('sync.outdatedHint')}
      </p>
      <button type="button" className="primary" onClick={() => window.location.reload()}>
        {t('sync.reload')}
      </button>
    </div>
  );
}
