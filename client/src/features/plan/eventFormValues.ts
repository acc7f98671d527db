import { EVENT_LIMITS, type CocreationEvent, type Modality, type RegistrationAccess } from '@cocrea/shared';

/** What the event form holds: every field as its input shows it (text), turned into the API's shape on submit. */
export interface EventFormValues {
  title: string;
  theme: string;
  date: string;
  startTime: string;
  modality: Modality;
  place: string;
  videoLink: string;
  minSize: string;
  maxSize: string;
  /** `datetime-local` values, in this browser's time zone. */
  registrationOpensAt: string;
  registrationClosesAt: string;
  capacity: string;
  access: RegistrationAccess;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` input shows it, in this browser's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value as an instant; the raw text when it is none, so the schema names the field. */
function toInstant(local: string): string {
  const ms = Date.parse(local);
  return Number.isNaN(ms) ? local : new Date(ms).toISOString();
}

/** A number input's text as a number; the text itself when it is none, so the schema says why. */
function toNumber(text: string): number | string {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** A new event's form: the methodology's table size (5–10), open registration from now, no capacity. */
export function blankEventForm(now: Date): EventFormValues {
  return {
    title: '',
    theme: '',
    date: '',
    startTime: '09:30',
    modality: 'presencial',
    place: '',
    videoLink: '',
    minSize: String(EVENT_LIMITS.defaultTableSize.minSize),
    maxSize: String(EVENT_LIMITS.defaultTableSize.maxSize),
    registrationOpensAt: toLocalInput(now.toISOString()),
    registrationClosesAt: '',
    capacity: '',
    access: 'open',
  };
}

/** The form of an event being edited. */
export function eventFormOf(event: CocreationEvent): EventFormValues {
  return {
    title: event.title,
    theme: event.theme,
    date: event.date,
    startTime: event.startTime,
    modality: event.modality,
    place: event.place ?? '',
    videoLink: event.videoLink ?? '',
    minSize: String(event.tableSize.minSize),
    maxSize: String(event.tableSize.maxSize),
    registrationOpensAt: toLocalInput(event.registrationOpensAt),
    registrationClosesAt: toLocalInput(event.registrationClosesAt),
    capacity: event.capacity === null ? '' : String(event.capacity),
    access: event.access,
  };
}

/**
 * The body the API takes. A field the modality does not use goes as null; registration left without a closing
 * closes when the event starts, in this browser's time zone (the STL's).
 */
export function eventInputOf(values: EventFormValues) {
  const closes = values.registrationClosesAt || (values.date ? `${values.date}T${values.startTime}` : '');
  return {
    title: values.title,
    theme: values.theme,
    date: values.date,
    startTime: values.startTime,
    modality: values.modality,
    place: values.modality === 'virtual' || values.place.trim() === '' ? null : values.place,
    videoLink: values.modality === 'presencial' || values.videoLink.trim() === '' ? null : values.videoLink.trim(),
    tableSize: { minSize: toNumber(values.minSize), maxSize: toNumber(values.maxSize) },
    registrationOpensAt: toInstant(values.registrationOpensAt),
    registrationClosesAt: toInstant(closes),
    capacity: values.capacity.trim() === '' ? null : toNumber(values.capacity),
    access: values.access,
  };
}
