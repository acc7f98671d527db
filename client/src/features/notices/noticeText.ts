import { PROACTIVE_PHASES, type MesaNotice } from '@cocrea/shared';
import { t } from '../../i18n/t';

/** What a notice about the mesa's versions (or a compromiso proactivo's phase) says to the people of the mesa, in one sentence. */
export function noticeText(notice: MesaNotice): string {
  switch (notice.kind) {
    case 'versionSaved':
      return t('notice.versionSaved', { number: notice.number });
    case 'reviewStatus':
      // A publication moves the earlier published version back to approved: that is news of another kind.
      if (notice.from === 'publicado' && notice.to === 'aprobado') {
        return t('notice.withdrawn', { number: notice.number });
      }
      return t('notice.reviewStatus', { number: notice.number, to: notice.to, observations: notice.observations });
    case 'observation':
      return t('notice.observation', { number: notice.number, observations: notice.observations });
    case 'observationAnswer':
      return t('notice.observationAnswer', { number: notice.number, attended: notice.attended ? 'yes' : 'no' });
    case 'phase':
      return t('notice.phase', { phase: notice.phase, name: PROACTIVE_PHASES[notice.phase] });
    case 'plenary':
      return t('notice.plenary', { text: notice.text });
  }
}
