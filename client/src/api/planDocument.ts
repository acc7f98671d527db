import { planOpenDataSchema } from '@cocrea/shared';
import { request } from './request';

/** Where a plan's open data lives (docs/open-data.md): the data of its printable document. */
export const planDataLinks = (planId: string) => {
  const base = `/api/planes/${encodeURIComponent(planId)}`;
  return { json: `${base}/datos.json`, csv: `${base}/datos.csv`, dictionary: '/api/tablero/diccionario' } as const;
};

/** A plan's published commitments with their trees and criteria, no credentials, revalidated like the board. */
export const fetchPlanOpenData = (planId: string) =>
  request(planOpenDataSchema, planDataLinks(planId).json, { cache: 'no-cache' });
