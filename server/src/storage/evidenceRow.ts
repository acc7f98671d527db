import type { EvidenceMediaType, PublicEvidence } from '@cocrea/shared';
import type { StoredEvidenceFile } from './Storage';

/**
 * A progress record's evidence, from its stored JSON. Records made before evidence had titles hold bare URLs: they
 * read as links with an empty title.
 */
export function evidenceOf(json: string): PublicEvidence[] {
  const stored = JSON.parse(json) as (string | PublicEvidence)[];
  return stored.map((e) => (typeof e === 'string' ? { kind: 'link', title: '', url: e } : e));
}

/** An `evidence_files` row (without its bytes) as the store answers it. */
export function storedEvidenceFile(row: {
  id: string;
  mesaId: string;
  activityId: string;
  fileName: string;
  mediaType: EvidenceMediaType;
  size: number;
  createdAt: string;
}): StoredEvidenceFile {
  const { id, mesaId, activityId, fileName, mediaType, size, createdAt } = row;
  return { mesaId, activityId, createdAt, file: { id, fileName, mediaType, size } };
}
