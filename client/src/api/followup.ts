import { CSRF_HEADER, type ActivityProgress, type RecordedProgress } from '@cocrea/shared';
import { request } from './request';

/** Records an activity's progress (STL or follow-up member; the session's CSRF token goes along). */
export const recordProgress = (csrfToken: string, mesaId: string, activityId: string, progress: ActivityProgress) =>
  request<RecordedProgress>(
    `/api/followup/mesas/${encodeURIComponent(mesaId)}/activities/${encodeURIComponent(activityId)}`,
    { method: 'PUT', headers: { [CSRF_HEADER]: csrfToken }, body: JSON.stringify(progress) },
  );
