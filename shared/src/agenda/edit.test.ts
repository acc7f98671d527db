import { describe, expect, it } from 'vitest';
import type { Agenda } from '../schema/agenda';
import { addStage, moveStage, removeStage, renameStage, setStageDuration, setStartTime, updateStage } from './edit';
import { agendaSchedule } from './schedule';
import { createDefaultAgenda } from './template';

const base = createDefaultAgenda('2020-06-08');

function ok(result: { ok: true; agenda: Agenda } | { ok: false; error: string }): Agenda {
  if (!result.ok) throw new Error(result.error);
  return result.agenda;
}

function error(result: { ok: true; agenda: Agenda } | { ok: false; error: string }): string {
  if (result.ok) throw new Error('se esperaba un error');
  return result.error;
}

const ids = (agenda: Agenda) => agenda.stages.map((s) => s.id);

describe('editing the agenda', () => {
  it('renames a stage, trimmed, without touching the original', () => {
    const renamed = ok(renameStage(base, 'registro', '  Registro virtual  '));
    expect(renamed.stages[0]?.name).toBe('Registro virtual');
    expect(base.stages[0]?.name).toBe('Registro');
  });

  it('refuses an empty or too long name in Spanish', () => {
    expect(error(renameStage(base, 'registro', ' '))).toBe('El nombre de la etapa es obligatorio.');
    expect(error(renameStage(base, 'registro', 'x'.repeat(121)))).toBe(
      'El nombre de la etapa admite como máximo 120 caracteres.',
    );
  });

  it('sets a duration and every later planned time follows', () => {
    const longer = ok(setStageDuration(base, 'formulacion', 150));
    const schedule = agendaSchedule(longer);
    expect(schedule.stages[4]).toMatchObject({ start: '11:00', end: '13:30' });
    expect(schedule.stages[7]).toMatchObject({ start: '15:00', end: '15:30' });
    expect(schedule).toMatchObject({ totalMin: 360, end: '15:30' });
  });

  it('refuses durations outside 1..600 minutes', () => {
    expect(error(setStageDuration(base, 'registro', 0))).toBe('La duración mínima de una etapa es 1 minuto.');
    expect(error(setStageDuration(base, 'registro', 601))).toMatch(/600 minutos/);
  });

  it('takes durations of several hours as long as the day ends by midnight', () => {
    const early = ok(setStartTime(base, '07:00'));
    const long = ok(setStageDuration(early, 'formulacion', 600));
    expect(agendaSchedule(long).stages[4]).toMatchObject({ start: '08:30', end: '18:30' });
    expect(agendaSchedule(long).end).toBe('20:30');
    const tenHours = ok(setStageDuration(base, 'formulacion', 600));
    expect(agendaSchedule(tenHours).end).toBe('23:00');
    expect(agendaSchedule(ok(setStageDuration(tenHours, 'deliberacion', 120))).end).toBe('24:00');
    expect(error(setStageDuration(tenHours, 'deliberacion', 121))).toBe(
      'La agenda terminaría después de la medianoche (24:01); acorta alguna etapa o empieza más temprano.',
    );
  });

  it('moves the whole plan with the start time', () => {
    const later = ok(setStartTime(base, '16:00'));
    expect(agendaSchedule(later)).toMatchObject({ start: '16:00', end: '21:30' });
    expect(error(setStartTime(base, '4pm'))).toMatch(/HH:MM/);
  });

  it('updates other fields of a stage', () => {
    const edited = ok(updateStage(base, 'registro', { responsible: 'STL', tools: { tree: true, commitment: false } }));
    expect(edited.stages[0]).toMatchObject({ id: 'registro', responsible: 'STL', tools: { tree: true } });
  });

  it('adds a stage with a fresh id, at the end or at a position', () => {
    const one = ok(addStage(base, { name: 'Receso', durationMin: 15 }, 5));
    expect(one.stages[5]).toEqual({
      id: 'etapa-1',
      name: 'Receso',
      durationMin: 15,
      responsible: '',
      materials: [],
      dynamic: '',
      tools: { tree: false, commitment: false },
    });
    const two = ok(addStage(one, { name: 'Cierre', durationMin: 10, responsible: 'Facilitador' }));
    expect(ids(two).slice(-2)).toEqual(['formulacion-definitiva', 'etapa-2']);
    expect(agendaSchedule(two).end).toBe('15:25');
  });

  it('refuses a 31st stage and a position outside the agenda', () => {
    let agenda = base;
    for (let i = 0; i < 22; i++) agenda = ok(addStage(agenda, { name: `Extra ${i}`, durationMin: 1 }));
    expect(agenda.stages).toHaveLength(30);
    expect(error(addStage(agenda, { name: 'Una más', durationMin: 1 }))).toBe(
      'La agenda admite como máximo 30 etapas.',
    );
    expect(error(addStage(base, { name: 'X', durationMin: 1 }, 9))).toMatch(/posición 9/);
  });

  it('removes a stage, but never the last one', () => {
    const without = ok(removeStage(base, 'perspectiva-institucional'));
    expect(without.stages).toHaveLength(7);
    expect(agendaSchedule(without).end).toBe('14:40');
    let single = base;
    for (const id of ids(base).slice(1)) single = ok(removeStage(single, id));
    expect(error(removeStage(single, 'registro'))).toBe('La agenda necesita al menos una etapa.');
  });

  it('moves a stage to a position, forwards and backwards', () => {
    const forwards = ok(moveStage(base, 'registro', 2));
    expect(ids(forwards).slice(0, 3)).toEqual(['bienvenida', 'introduccion', 'registro']);
    const backwards = ok(moveStage(base, 'formulacion-definitiva', 0));
    expect(ids(backwards)[0]).toBe('formulacion-definitiva');
    expect(ids(ok(moveStage(base, 'deliberacion', 5)))).toEqual(ids(base));
    expect(error(moveStage(base, 'registro', 8))).toMatch(/posición 8/);
  });

  it('names an unknown stage in its refusal', () => {
    expect(error(renameStage(base, 'nada', 'X'))).toBe('La etapa "nada" no existe en la agenda.');
    expect(error(removeStage(base, 'nada'))).toMatch(/"nada" no existe/);
    expect(error(moveStage(base, 'nada', 0))).toMatch(/"nada" no existe/);
  });
});
