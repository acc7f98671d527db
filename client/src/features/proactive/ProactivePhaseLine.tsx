import { PROACTIVE_PHASES, type Mesa } from '@cocrea/shared';
import { t } from '../../i18n/t';

/** Where a compromiso proactivo is, in the STL's lists; nothing for a mesa de cocreación. */
export function ProactivePhaseLine({ mesa }: { mesa: Mesa }) {
  if (mesa.phase === null) return null;
  return (
    <p className="proactive-line">
      {t('plan.mesa.proactive', { phase: mesa.phase, name: PROACTIVE_PHASES[mesa.phase] })}
    </p>
  );
}
