import { COMMITMENT_FIELD_LABELS as L, ODS_NAMES, PRINCIPLES, type Commitment } from '@cocrea/shared';
import { t } from '../../i18n/t';

/** The open-government principles, the SDGs, and the gender and state-priority perspectives. */
export function AlignmentSection({ commitment: c }: { commitment: Commitment }) {
  return (
    <section>
      <h2>{L.principles}</h2>
      <p>{c.principles.map((p) => PRINCIPLES[p]).join(', ')}</p>
      <h2>{L.ods}</h2>
      <p>{c.ods.length > 0 ? c.ods.map((n) => `${n}. ${ODS_NAMES[n]}`).join(' · ') : t('print.none')}</p>
      <h2>{L.genderPerspective}</h2>
      <p className="print-text">{c.genderPerspective}</p>
      <h2>{L.statePriorities}</h2>
      <p className="print-text">{c.statePriorities}</p>
    </section>
  );
}
