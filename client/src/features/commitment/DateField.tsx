import { fieldTarget } from '@cocrea/shared';
import { FieldComments } from '../comments/FieldComments';
import { FieldObservations, observationsId } from './FieldObservations';
import { fieldId } from './fieldId';
import { useFieldObservations } from './observations';

interface DateFieldProps {
  path: string;
  label: string;
  value: string | null;
  onChange(value: string | null): void;
  readOnly: boolean;
  problem?: string | undefined;
}

/** A date of the commitment or of an activity, as YYYY-MM-DD; emptying it clears it. */
export function DateField({ path, label, value, onChange, readOnly, problem }: DateFieldProps) {
  const id = fieldId(path);
  const observed = useFieldObservations(path).length > 0;
  const describedBy = [problem ? `${id}-problem` : null, observed ? observationsId(path) : null].filter(Boolean);
  return (
    <div className={`field field-date${problem ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value ?? ''}
        readOnly={readOnly}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy.join(' ') || undefined}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      />
      {problem && (
        <p className="field-problem" id={`${id}-problem`}>
          {problem}
        </p>
      )}
      <FieldObservations path={path} />
      <FieldComments target={fieldTarget(path)} label={label} />
    </div>
  );
}
