import { REVIEW_STATUS_LABELS, type ReviewStatus } from '@cocrea/shared';

/** A version's review status as a coloured label; the text says it, the colour only repeats it. */
export function StatusBadge({ status }: { status: ReviewStatus }) {
  return <span className={`review-status status-${status}`}>{REVIEW_STATUS_LABELS[status]}</span>;
}
