import { CSRF_HEADER, evidenceFileSchema, recordedProgressSchema, type ActivityProgress } from '@cocrea/shared';
import { request } from './request';

const activityUrl = (mesaId: string, activityId: string) =>
  `/api/followup/mesas/${encodeURIComponent(mesaId)}/activities/${encodeURIComponent(activityId)}`;

/** Records an activity's progress (STL or follow-up member; the session's CSRF token goes along). */
export const recordProgress = (csrfToken: string, mesaId: string, activityId: string, progress: ActivityProgress) =>
  request(recordedProgressSchema, activityUrl(mesaId, activityId), {
    method: 'PUT',
    headers: { [CSRF_HEADER]: csrfToken },
    body: JSON.stringify(progress),
  });

/** Uploads an evidence file as its bytes: the server decides its type from them, never from its name. */
export const uploadEvidenceFile = (csrfToken: string, mesaId: string, activityId: string, file: File) =>
  request(
    evidenceFileSchema,
    `${activityUrl(mesaId, activityId)}/files?${new URLSearchParams({ name: file.name }).toString()}`,
    { method: 'POST', headers: { [CSRF_HEADER]: csrfToken, 'content-type': 'application/octet-stream' }, body: file },
  );
