import type { RegistrationStatus } from '@cocrea/shared';
import { t } from '../../i18n/t';

/** Where an event's registration stands, said in words (and a colour that only repeats them). */
export function RegistrationStatusPill({ status }: { status: RegistrationStatus }) {
  return <span className={`mesa-state registration-${status}`}>{t('event.registrationStatus', { status })}</span>;
}
