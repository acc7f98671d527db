import { agendaSchema, type KitItem, type KitMediaType } from '@cocrea/shared';
import type { StoredEvent } from './PlanStore';

/** An `events` row as both backends select it (`EVENT_COLUMNS`): the table size in two columns, the agenda as JSON. */
export interface EventRow extends Omit<StoredEvent, 'tableSize' | 'agenda'> {
  minSize: number;
  maxSize: number;
  agenda: string | null;
}

/** One reading of a stored event row for both backends. */
export function eventFromRow({ minSize, maxSize, agenda, ...rest }: EventRow): StoredEvent {
  return {
    ...rest,
    tableSize: { minSize, maxSize },
    agenda: agenda === null ? null : agendaSchema.parse(JSON.parse(agenda)),
  };
}

/** A `kit_items` row without its bytes. */
export interface KitRow {
  id: string;
  kind: 'file' | 'link';
  title: string;
  url: string | null;
  fileName: string | null;
  mediaType: string | null;
  size: number | null;
  createdAt: string;
}

export function kitItemFromRow(row: KitRow): KitItem {
  const { id, title, createdAt } = row;
  if (row.kind === 'link') return { kind: 'link', id, title, createdAt, url: row.url ?? '' };
  return {
    kind: 'file',
    id,
    title,
    createdAt,
    fileName: row.fileName ?? '',
    mediaType: row.mediaType as KitMediaType,
    size: Number(row.size),
  };
}
