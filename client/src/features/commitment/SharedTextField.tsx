import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { commitmentText, fieldTarget, type CommitmentTextPath } from '@cocrea/shared';
import { bindTextarea } from '../sharedText/bindTextarea';
import { FieldComments } from '../comments/FieldComments';
import { FieldObservations, observationsId } from './FieldObservations';
import { fieldId } from './fieldId';
import { useFieldObservations } from './observations';

interface SharedTextFieldProps {
  doc: Y.Doc;
  path: CommitmentTextPath;
  label: string;
  readOnly: boolean;
  /** A textarea for long texts; a one-line input for names. */
  multiline?: boolean;
  /** A problem the save check found in this field, shown under it. */
  problem?: string | undefined;
  hint?: string;
}

/**
 * One text field of the commitment, bound to its shared Y.Text: two people typing in it both keep their letters.
 * The field is uncontrolled on purpose: React re-rendering the value would move the caret under remote edits.
 */
export function SharedTextField({ doc, path, label, readOnly, multiline = true, problem, hint }: SharedTextFieldProps) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  useEffect(() => {
    const field = ref.current;
    if (!field) return;
    return bindTextarea(field, commitmentText(doc, path));
  }, [doc, path]);

  const id = fieldId(path);
  const observed = useFieldObservations(path).length > 0;
  const describedBy = [
    hint ? `${id}-hint` : null,
    problem ? `${id}-problem` : null,
    observed ? observationsId(path) : null,
  ]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    ref,
    readOnly,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy || undefined,
  };
  return (
    <div className={`field${problem ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
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
