import { COMPLETION_LABELS, type CompletionLevel } from '@cocrea/shared';

/** A progress level on the IRM scale; the text says it, the colour only repeats it. */
export function CompletionBadge({ level, label }: { level: CompletionLevel; label?: string }) {
  return (
    <span className={`completion level-${level}`}>
      {label ? `${label}: ` : ''}
      {COMPLETION_LABELS[level]}
    </span>
  );
}
