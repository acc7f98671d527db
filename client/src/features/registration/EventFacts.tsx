import { MODALITY_LABELS, THEMES, type CocreationEvent } from '@cocrea/shared';
import { formatDay } from '../../i18n/dates';
import { t } from '../../i18n/t';

type Facts = Pick<CocreationEvent, 'theme' | 'date' | 'startTime' | 'modality' | 'place'> & {
  videoLink?: string | null;
};

/** When, where and how an event happens, as its registrants read it. */
export function EventFacts({ event }: { event: Facts }) {
  return (
    <dl className="event-facts">
      <dt>{t('event.facts.theme')}</dt>
      <dd>{THEMES[event.theme]}</dd>
      <dt>{t('event.facts.when')}</dt>
      <dd>{t('event.facts.whenValue', { date: formatDay(event.date), time: event.startTime })}</dd>
      <dt>{t('event.facts.modality')}</dt>
      <dd>{MODALITY_LABELS[event.modality]}</dd>
      {event.place && (
        <>
          <dt>{t('event.facts.place')}</dt>
          <dd>{event.place}</dd>
        </>
      )}
      {event.videoLink && (
        <>
          <dt>{t('event.facts.videoLink')}</dt>
          <dd>
            <a href={event.videoLink} target="_blank" rel="noreferrer noopener">
              {event.videoLink}
            </a>
          </dd>
        </>
      )}
    </dl>
  );
}
