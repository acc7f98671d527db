import type { Commitment } from './commitment';
import { commitmentFields } from './commitmentExport';

/** One field that differs between two versions of a commitment. */
export type FieldChange =
  | { kind: 'changed'; path: string; label: string; before: string; after: string }
  | { kind: 'added'; path: string; label: string; after: string }
  | { kind: 'removed'; path: string; label: string; before: string };

/**
 * What changed from `before` to `after`, field by field. Fields are matched by path, so list items are matched by
 * id: an activity moved to another position is the same activity (its label shows the new position), not a
 * removal and an addition. Changes come in `after`'s form order, removals after them in `before`'s.
 */
export function diffCommitments(before: Commitment, after: Commitment): FieldChange[] {
  const old = new Map(commitmentFields(before).map((field) => [field.path, field]));
  const changes: FieldChange[] = [];
  for (const { path, label, value } of commitmentFields(after)) {
    const was = old.get(path);
    old.delete(path);
    if (!was) changes.push({ kind: 'added', path, label, after: value });
    else if (was.value !== value) changes.push({ kind: 'changed', path, label, before: was.value, after: value });
  }
  for (const { path, label, value } of old.values()) changes.push({ kind: 'removed', path, label, before: value });
  return changes;
}
