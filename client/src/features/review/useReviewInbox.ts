import { useEffect, useState } from 'react';
import type { ReviewInboxItem } from '@cocrea/shared';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import { listReviewVersions, type InboxFilters } from '../../api/review';

export type InboxState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; versions: ReviewInboxItem[] };

/** The inbox's versions for the chosen filters, fetched again whenever they change (the newest answer wins). */
export function useReviewInbox(filters: InboxFilters): { state: InboxState; reload(): void } {
  const [state, setState] = useState<InboxState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { theme, mesa, status } = filters;
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    listReviewVersions({ theme, mesa, status }).then(
      (versions) => current && setState({ status: 'ready', versions }),
      (error: unknown) =>
        current &&
        setState({ status: 'error', message: error instanceof ApiFailure ? error.message : t('review.inbox.error') }),
    );
    return () => {
      current = false;
    };
  }, [theme, mesa, status, attempt]);
  return { state, reload: () => setAttempt((n) => n + 1) };
}
