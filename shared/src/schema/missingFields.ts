import { commitmentSchema, type CommitmentDraft } from './commitment';
import {
  FIELD_ORDER,
  ITEM_LISTS,
  VALUE_LISTS,
  commitmentFieldLabel,
  commitmentFieldPattern,
} from './commitmentFieldLabels';

/** One problem that keeps a draft from being saved, to show next to its field. */
export interface CommitmentProblem {
  /** The field, with list items named by id: `linesOfAction.<lineId>.activities.<activityId>.verification`. */
  path: string;
  /** Where it is, in Spanish, with positions as shown: "Línea de acción 2 › Actividad 1 › Medio de verificación". */
  label: string;
  message: string;
}

/**
 * What keeps `draft` from passing {@link commitmentSchema}, one problem per field (the first), in form order.
 * Empty when the draft can be saved.
 */
export function missingFields(draft: CommitmentDraft): CommitmentProblem[] {
  const result = commitmentSchema.safeParse(draft);
  if (result.success) return [];
  const described = result.error.issues.map((issue) => ({
    ...describePath(issue.path, draft),
    message: issue.message,
  }));
  described.sort((a, b) => compareRanks(a.rank, b.rank));
  const seen = new Set<string>();
  const problems: CommitmentProblem[] = [];
  for (const { path, label, message } of described) {
    if (seen.has(path)) continue;
    seen.add(path);
    problems.push({ path, label, message });
  }
  return problems;
}

/** Turns a zod path (positions) into an id path, a positional Spanish label and a rank in form order. */
function describePath(segments: readonly PropertyKey[], root: unknown) {
  const path: string[] = [];
  const labels: string[] = [];
  const rank: number[] = [];
  let node = root;
  for (const [i, segment] of segments.entries()) {
    const parent = commitmentFieldPattern(path.join('.'));
    if (VALUE_LISTS.has(parent)) break;
    const child = isIndexable(node) ? (node as Record<PropertyKey, unknown>)[segment] : undefined;
    if (ITEM_LISTS.has(parent) && typeof segment === 'number') {
      const id = isIndexable(child) ? (child as { id?: unknown }).id : undefined;
      path.push(typeof id === 'string' && id !== '' ? id : String(segment));
      labels.push(`${commitmentFieldLabel(commitmentFieldPattern(path.join('.')))} ${segment + 1}`);
      rank.push(segment);
    } else {
      path.push(String(segment));
      const pattern = commitmentFieldPattern(path.join('.'));
      // A list or the criteria, when the path goes on into one of their items, is named by that item alone.
      const isContainer = i + 1 < segments.length && (ITEM_LISTS.has(pattern) || pattern === 'criteria');
      if (parent === 'criteria') labels.push(`${commitmentFieldLabel(pattern)} ${String(segment)}`);
      else if (!isContainer) labels.push(commitmentFieldLabel(pattern));
      rank.push(FIELD_ORDER.get(pattern) ?? FIELD_ORDER.size);
    }
    node = child;
  }
  return { path: path.join('.'), label: labels.length > 0 ? labels.join(' › ') : 'Compromiso', rank };
}

function isIndexable(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  }
  return a.length - b.length;
}
