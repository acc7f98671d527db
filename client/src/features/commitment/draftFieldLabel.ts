import { COMMITMENT_FIELD_LABELS, commitmentFieldPattern, type CommitmentDraft } from '@cocrea/shared';

const LABELS: Record<string, string> = COMMITMENT_FIELD_LABELS;

/** The lists whose items a path names by id, and where the draft keeps them. */
const ITEM_LISTS: Record<string, (draft: CommitmentDraft, path: string[]) => readonly { id: string }[]> = {
  'linesOfAction.*': (draft) => draft.linesOfAction,
  'linesOfAction.*.activities.*': (draft, [, lineId]) =>
    draft.linesOfAction.find((line) => line.id === lineId)?.activities ?? [],
  'responsibles.*': (draft) => draft.responsibles,
  'products.*': (draft) => draft.products,
  'indicators.*': (draft) => draft.indicators,
};

/**
 * A field path (`linesOfAction.<id>.activities.<id>.verification`) named as the form shows it in the current draft
 * ("Línea de acción 2 › Actividad 1 › Medio de verificación"), or null when the draft no longer has that item.
 */
export function draftFieldLabel(draft: CommitmentDraft, path: string): string | null {
  const segments = path.split('.');
  const pattern = commitmentFieldPattern(path).split('.');
  const labels: string[] = [];
  for (let i = 1; i <= segments.length; i++) {
    const prefix = pattern.slice(0, i).join('.');
    const items = ITEM_LISTS[prefix];
    if (items) {
      const position = items(draft, segments).findIndex((item) => item.id === segments[i - 1]);
      if (position < 0) return null;
      labels.push(`${LABELS[prefix]} ${position + 1}`);
    } else if (prefix === 'criteria.*') labels.push(`${LABELS[prefix]} ${segments[i - 1]}`);
    else if (prefix === 'coResponsible') labels.push(LABELS[prefix]!);
    else if (i === segments.length) labels.push(LABELS[prefix] ?? path);
  }
  return labels.join(' › ');
}
