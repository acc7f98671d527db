import { useState } from 'react';
import type { CocreationEvent } from '@cocrea/shared';
import { newRegistrationLink } from '../../api/plan';
import { t } from '../../i18n/t';
import { eventRegistrationPath } from '../../routes';
import { CopyField } from '../stl/CopyField';
import { useAction } from '../stl/useAction';

interface Props {
  event: CocreationEvent;
  csrfToken: string;
  /** The invitation link the creation answered, if this page opened right after it. */
  fresh: string | null;
}

/**
 * The event's registration link to hand on. An open event's link is its registration page's address; an event
 * by invitation has a secret link, answered once (at creation, or when a new one replaces it).
 */
export function RegistrationLink({ event, csrfToken, fresh }: Props) {
  const [link, setLink] = useState<string | null>(fresh);
  const { busy, failure, act } = useAction();
  const open = event.access === 'open';
  const shown = open ? `${window.location.origin}${eventRegistrationPath(event.id)}` : link;

  const renew = () =>
    act(async () => {
      if (!window.confirm(t('event.link.confirmNew'))) return;
      setLink((await newRegistrationLink(csrfToken, event.id)).registrationLink);
    });

  return (
    <div>
      <p className="muted">{open ? t('event.link.open') : t('event.link.invitation')}</p>
      {shown ? (
        <CopyField label={t('event.link.label')} value={shown} />
      ) : (
        <p className="muted">{t('event.link.hidden')}</p>
      )}
      {!open && (
        <button type="button" disabled={busy} onClick={() => void renew()}>
          {t('event.link.new')}
        </button>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
