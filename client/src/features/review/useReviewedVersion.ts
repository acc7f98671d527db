import { useCallback, useEffect, useState } from 'react';
import type { ReviewedVersion } from '@cocrea/shared';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import { fetchReviewedVersion } from '../../api/review';

export type ReviewedVersionState =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; version: ReviewedVersion };

/** One version as the STL reviews it; `replace` takes the server's answer to a change made on the page. */
export function useReviewedVersion(mesaId: string, number: number) {
  const [state, setState] = useState<ReviewedVersionState>({ status: 'loading' });
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    fetchReviewedVersion(mesaId, number).then(
      (version) => setState({ status: 'ready', version }),
      (error: unknown) =>
        setState({ status: 'error', message: error instanceof ApiFailure ? error.message : t('review.version.error') }),
    );
  }, [mesaId, number]);
  useEffect(reload, [reload]);
  /** Reads the version again without a loading state in between: something changed while the page was open. */
  const refresh = useCallback(() => {
    fetchReviewedVersion(mesaId, number).then(
      (version) => setState({ status: 'ready', version }),
      // The page keeps what it shows; the next notice or a reload tries again.
      (error: unknown) => console.error('review: could not read the version again', error),
    );
  }, [mesaId, number]);
  const replace = useCallback((version: ReviewedVersion) => setState({ status: 'ready', version }), []);
  return { state, reload, refresh, replace };
}
