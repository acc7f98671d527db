import { t } from '../../i18n/t';
import type { MesaConnection } from '../../sync/MesaConnection';
import { useSaveState } from '../../sync/useSaveState';

const LABEL = {
  saved: 'save.saved',
  saving: 'save.saving',
  offline: 'save.offline',
  connecting: 'save.connecting',
  refused: 'save.refused',
} as const;

/** "Todos los cambios guardados" appears only when the server has acknowledged every local change. */
export function SaveIndicator({ connection }: { connection: MesaConnection }) {
  const state = useSaveState(connection);
  return (
    <p
      className={`save-state save-${state}`}
      role="status"
      aria-live="polite"
      data-state={state}
      title={state === 'offline' ? t('save.offlineHint') : state === 'refused' ? t('save.refusedHint') : undefined}
    >
      <span className="dot" aria-hidden="true" />
      {t(LABEL[state])}
    </p>
  );
}
