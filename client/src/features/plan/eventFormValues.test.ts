import { describe, expect, it } from 'vitest';
import { createEventSchema, fieldErrors } from '@cocrea/shared';
import { blankEventForm, eventInputOf, toLocalInput, type EventFormValues } from './eventFormValues';

const NOW = new Date('2026-12-07T18:00:00.000Z');

const filled = (change: Partial<EventFormValues> = {}): EventFormValues => ({
  ...blankEventForm(NOW),
  title: 'Movilidad segura',
  theme: 'movilidad',
  date: '2027-03-18',
  place: 'Palacio Municipal de Toluca',
  ...change,
});

describe('the event form', () => {
  it('starts with the methodology table size, open registration from now, and no capacity', () => {
    const input = createEventSchema.parse(eventInputOf(filled()));
    expect(input.tableSize).toEqual({ minSize: 5, maxSize: 10 });
    expect(input.access).toBe('open');
    expect(input.capacity).toBeNull();
    expect(Date.parse(input.registrationOpensAt)).toBe(Date.parse('2026-12-07T18:00:00.000Z'));
  });

  it('closes registration when the event starts if no closing was given', () => {
    const input = createEventSchema.parse(eventInputOf(filled({ startTime: '10:15' })));
    expect(toLocalInput(input.registrationClosesAt)).toBe('2027-03-18T10:15');
  });

  it('sends only what the modality uses', () => {
    const virtual = eventInputOf(filled({ modality: 'virtual', videoLink: ' https://meet.example.org/x ' }));
    expect(virtual.place).toBeNull();
    expect(virtual.videoLink).toBe('https://meet.example.org/x');
    const inPerson = eventInputOf(filled({ modality: 'presencial', videoLink: 'https://meet.example.org/x' }));
    expect(inPerson.videoLink).toBeNull();
  });

  it('leaves text that is no number as it is, so the schema names the field', () => {
    const result = createEventSchema.safeParse(eventInputOf(filled({ minSize: 'cinco', capacity: '' })));
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(fieldErrors(result.error))).toEqual(['tableSize.minSize']);
  });

  it('round-trips an instant through the datetime-local input', () => {
    const iso = '2027-01-10T16:45:00.000Z';
    expect(eventInputOf(filled({ registrationOpensAt: toLocalInput(iso) })).registrationOpensAt).toBe(iso);
  });
});
