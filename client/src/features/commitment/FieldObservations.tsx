import { t } from '../../i18n/t';
import { fieldId } from './fieldId';
import { useFieldObservations } from './observations';

/** The DOM id of a field's observation notes, for the field's `aria-describedby`. */
export const observationsId = (path: string) => `${fieldId(path)}-observaciones`;

/** The STL's outstanding observations on one field, shown under it. */
export function FieldObservations({ path }: { path: string }) {
  const observations = useFieldObservations(path);
  if (observations.length === 0) return null;
  return (
    <ul className="field-observations" id={observationsId(path)}>
      {observations.map((o) => (
        <li key={o.id}>
          <strong>{t('commitment.observations.note', { number: o.versionNumber })}</strong> {o.text}
        </li>
      ))}
    </ul>
  );
}
