import { CSRF_HEADER, recordedProgressSchema, type ActivityProgress } from '@cocrea/shared';
import { request } from './request';

/** Records an activity's progress (STL or follow-up member; the session's CSRF token goes along). */
export const recordProgress = (csrfToken: string, mesaId: string, activityId: string, progress: ActivityProgress) =>
  request(
    recordedProgressSchema,
    `/api/followup/mesas/${encodeURIComponent(mesaId)}/activities/${encodeURIComponent(activityId)}`,
    { method: 'PUT', headers: { [CSRF_HEADER]: csrfToken }, body: JSON.stringify(progress) },
  );
