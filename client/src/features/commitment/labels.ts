import { COMMITMENT_FIELD_LABELS, type CommitmentFieldPattern } from '@cocrea/shared';

/**
 * A field's Spanish label, from the same table that names fields in the save check's problems, so the form and
 * the list of what is missing always call a field by one name.
 */
export function fieldLabel(pattern: CommitmentFieldPattern): string {
  return COMMITMENT_FIELD_LABELS[pattern];
}
