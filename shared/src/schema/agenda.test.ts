import { describe, expect, it } from 'vitest';
import { createDefaultAgenda } from '../agenda/template';
import { fieldErrors } from './errors';
import { agendaCommandSchema, agendaSchema, agendaStageSchema, agendaStateSchema } from './agenda';

const stage = {
  id: 'etapa-1',
  name: 'Bienvenida',
  durationMin: 20,
  responsible: 'Facilitador',
  materials: [],
  dynamic: '',
  tools: { tree: false, commitment: false },
};

function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.error?.issues[0]?.message;
}

describe('a stage', () => {
  it('accepts 1 to 600 whole minutes', () => {
    expect(agendaStageSchema.safeParse({ ...stage, durationMin: 1 }).success).toBe(true);
    expect(agendaStageSchema.safeParse({ ...stage, durationMin: 600 }).success).toBe(true);
    expect(firstMessage(agendaStageSchema.safeParse({ ...stage, durationMin: 0 }))).toBe(
      'La duración mínima de una etapa es 1 minuto.',
    );
    expect(firstMessage(agendaStageSchema.safeParse({ ...stage, durationMin: 601 }))).toBe(
      'La duración máxima de una etapa es 600 minutos (10 horas).',
    );
    expect(firstMessage(agendaStageSchema.safeParse({ ...stage, durationMin: 2.5 }))).toBe(
      'La duración debe ser un número entero de minutos.',
    );
  });

  it('needs a name of at most 120 characters, trimmed', () => {
    expect(agendaStageSchema.parse({ ...stage, name: '  Cierre  ' }).name).toBe('Cierre');
    expect(agendaStageSchema.safeParse({ ...stage, name: 'x'.repeat(120) }).success).toBe(true);
    expect(firstMessage(agendaStageSchema.safeParse({ ...stage, name: 'x'.repeat(121) }))).toBe(
      'El nombre de la etapa admite como máximo 120 caracteres.',
    );
    expect(firstMessage(agendaStageSchema.safeParse({ ...stage, name: '   ' }))).toBe(
      'El nombre de la etapa es obligatorio.',
    );
  });

  it('refuses unknown fields and malformed ids', () => {
    expect(agendaStageSchema.safeParse({ ...stage, color: 'rojo' }).success).toBe(false);
    expect(agendaStageSchema.safeParse({ ...stage, id: 'Etapa 1' }).success).toBe(false);
  });
});

describe('an agenda', () => {
  const agenda = createDefaultAgenda('2020-06-08');

  it('has 1 to 30 stages', () => {
    expect(firstMessage(agendaSchema.safeParse({ ...agenda, stages: [] }))).toBe(
      'La agenda necesita al menos una etapa.',
    );
    const many = Array.from({ length: 31 }, (_, i) => ({ ...stage, id: `etapa-${i}`, durationMin: 1 }));
    expect(firstMessage(agendaSchema.safeParse({ ...agenda, stages: many }))).toBe(
      'La agenda admite como máximo 30 etapas.',
    );
    expect(agendaSchema.safeParse({ ...agenda, stages: many.slice(0, 30) }).success).toBe(true);
  });

  it('starts at a valid HH:MM on a real date', () => {
    expect(fieldErrors(agendaSchema.safeParse({ ...agenda, startTime: '9:30' }).error!)).toEqual({
      startTime: 'La hora debe tener el formato HH:MM (00:00 a 23:59).',
    });
    expect(agendaSchema.safeParse({ ...agenda, date: '2020-02-30' }).success).toBe(false);
  });

  it('ends by midnight', () => {
    const late = { ...agenda, startTime: '20:00' };
    expect(firstMessage(agendaSchema.safeParse(late))).toMatch(/después de la medianoche/);
    const longDay = {
      ...agenda,
      startTime: '00:00',
      stages: [
        { ...stage, durationMin: 600 },
        { ...stage, id: 'b', durationMin: 600 },
        { ...stage, id: 'c', durationMin: 240 },
      ],
    };
    expect(agendaSchema.safeParse(longDay).success).toBe(true);
  });

  it('refuses two stages with one id', () => {
    const twice = { ...agenda, stages: [stage, { ...stage, name: 'Otra' }] };
    expect(fieldErrors(agendaSchema.safeParse(twice).error!)).toEqual({
      'stages.1.id': 'La etapa "etapa-1" está repetida.',
    });
  });
});

describe('the agenda state', () => {
  const common = { stageIndex: 0, revision: 3, stageLog: [] };

  it('carries endsAt exactly when running and remainingMs exactly when paused', () => {
    expect(agendaStateSchema.safeParse({ ...common, status: 'running', endsAt: 5, remainingMs: null }).success).toBe(
      true,
    );
    expect(agendaStateSchema.safeParse({ ...common, status: 'paused', endsAt: null, remainingMs: -5 }).success).toBe(
      true,
    );
    expect(agendaStateSchema.safeParse({ ...common, status: 'running', endsAt: null, remainingMs: null }).success).toBe(
      false,
    );
    expect(agendaStateSchema.safeParse({ ...common, status: 'paused', endsAt: 5, remainingMs: 5 }).success).toBe(false);
    expect(agendaStateSchema.safeParse({ ...common, status: 'finished', endsAt: 5, remainingMs: null }).success).toBe(
      false,
    );
  });
});

describe('a command', () => {
  it.each([
    { type: 'start' },
    { type: 'pause', expectedRevision: 0 },
    { type: 'resume' },
    { type: 'next', expectedRevision: 12 },
    { type: 'previous' },
    { type: 'goto', stage: 7 },
    { type: 'addTime', minutes: 5 },
    { type: 'addTime', minutes: -1 },
    { type: 'reset' },
  ])('accepts %j', (command) => {
    expect(agendaCommandSchema.parse(command)).toEqual(command);
  });

  it.each([
    [{ type: 'stop' }, undefined],
    [{ type: 'goto' }, undefined],
    [{ type: 'goto', stage: -1 }, 'La etapa debe ser 0 o mayor.'],
    [{ type: 'goto', stage: 30 }, 'La etapa debe ser menor que 30.'],
    [{ type: 'addTime', minutes: 0 }, 'Los minutos no pueden ser cero.'],
    [{ type: 'addTime', minutes: 61 }, 'Se pueden añadir como máximo 60 minutos.'],
    [{ type: 'addTime', minutes: -61 }, 'Se pueden quitar como máximo 60 minutos.'],
    [{ type: 'addTime', minutes: 1.5 }, 'Los minutos deben ser un número entero.'],
    [{ type: 'start', expectedRevision: -1 }, undefined],
    [{ type: 'start', extra: true }, undefined],
  ])('refuses %j', (command, message) => {
    const result = agendaCommandSchema.safeParse(command);
    expect(result.success).toBe(false);
    if (message) expect(firstMessage(result)).toBe(message);
  });
});
