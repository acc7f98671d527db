import { useCallback } from 'react';
import { fetchPlanOpenData } from '../../api/planDocument';
import { useLoaded } from '../../api/useLoaded';

/** A plan's published commitments, as its open data gives them. */
export function usePlanDocument(planId: string) {
  const load = useCallback(async () => ({ data: await fetchPlanOpenData(planId) }), [planId]);
  return useLoaded(load, 'planDocument.error');
}
