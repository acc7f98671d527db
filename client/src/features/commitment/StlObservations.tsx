import { REVIEW_STATUS_LABELS, type CommitmentDraft, type MesaObservation } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { draftFieldLabel } from './draftFieldLabel';
import { fieldId, focusField } from './fieldId';
import { ObservationResponseForm } from './ObservationResponseForm';

interface StlObservationsProps {
  observations: readonly MesaObservation[];
  draft: CommitmentDraft;
  /** The facilitator's link, who answers for the mesa; null for the others, who read the answers. */
  responder: { mesaId: string; token: string; onAnswered(): void } | null;
}

/**
 * "Observaciones del STL": what the STL said about each saved version, newest version first, each observation
 * linked to its field in the draft when the draft still has it. The STL speaks as an institution: no names.
 */
export function StlObservations({ observations, draft, responder }: StlObservationsProps) {
  const byVersion = new Map<number, MesaObservation[]>();
  for (const o of observations) byVersion.set(o.versionNumber, [...(byVersion.get(o.versionNumber) ?? []), o]);
  const versions = [...byVersion].sort(([a], [b]) => b - a);
  return (
    <>
      <h4 id="observaciones-stl">{t('commitment.observations.title')}</h4>
      {versions.length === 0 && <p className="empty">{t('commitment.observations.none')}</p>}
      {versions.map(([number, list]) => (
        <section key={number} className="stl-observations" aria-label={t('commitment.observations.of', { number })}>
          <p className="stl-observations-version">
            {t('commitment.observations.of', { number })} ·{' '}
            <span className="muted">{REVIEW_STATUS_LABELS[list[0]!.versionStatus]}</span>
          </p>
          <ul>
            {list.map((o) => {
              const label = o.path === '' ? null : draftFieldLabel(draft, o.path);
              return (
                <li key={o.id}>
                  {o.path === '' ? (
                    <strong>{t('commitment.observations.general')}</strong>
                  ) : label ? (
                    <a
                      href={`#${fieldId(o.path)}`}
                      onClick={(event) => {
                        event.preventDefault();
                        focusField(o.path);
                      }}
                    >
                      {label}
                    </a>
                  ) : (
                    <strong>{t('commitment.observations.gone')}</strong>
                  )}
                  : {o.text}{' '}
                  <span className={o.response?.attended ? 'badge ok' : 'badge muted'}>
                    {o.response?.attended
                      ? t('commitment.observations.attended')
                      : t('commitment.observations.pending')}
                  </span>
                  {o.response && o.response.text !== '' && (
                    <p className="observation-answer">
                      {t('commitment.observations.response', { text: o.response.text })}
                    </p>
                  )}
                  {responder && (
                    <ObservationResponseForm
                      // A fresh form when the stored response changes (another tab, another facilitator).
                      key={o.response?.at ?? 'none'}
                      mesaId={responder.mesaId}
                      token={responder.token}
                      observation={o}
                      onAnswered={responder.onAnswered}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
