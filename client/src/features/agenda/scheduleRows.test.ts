import { describe, expect, it } from 'vitest';
import { applyCommand, createDefaultAgenda, initialAgendaState, type AgendaCommand } from '@cocrea/shared';
import { scheduleRows } from './scheduleRows';

/** Mexico City is UTC−6 all year (no daylight saving time since 2022): 16:05 UTC is 10:05 there. */
const at = (utc: string) => Date.parse(`2026-11-21T${utc}Z`);

function run(commands: [AgendaCommand, number][]) {
  const agenda = createDefaultAgenda('2026-11-21');
  let state = initialAgendaState();
  for (const [command, now] of commands) {
    const result = applyCommand(agenda, state, command, now);
    if (!result.ok) throw new Error(result.error);
    state = result.state;
  }
  return { agenda, state };
}

describe('the schedule of a mesa', () => {
  it('shows planned and actual starts in Mexico City time, with the difference', () => {
    const { agenda, state } = run([
      [{ type: 'start' }, at('15:40:00')],
      [{ type: 'next' }, at('16:12:30')],
    ]);
    const [registro, bienvenida, introduccion] = scheduleRows(agenda, state);
    expect(registro).toMatchObject({
      plannedStart: '09:30',
      actualStart: '09:40',
      actualEnd: '10:12',
      differenceMin: 10,
    });
    expect(bienvenida).toMatchObject({
      plannedStart: '10:00',
      actualStart: '10:12',
      actualEnd: null,
      differenceMin: 12,
    });
    expect(introduccion).toMatchObject({ plannedStart: '10:20', actualStart: null, differenceMin: null, returns: [] });
  });

  it('lists returns to a stage and reads times in Mexico City whatever the viewer’s zone', () => {
    const { agenda, state } = run([
      [{ type: 'start' }, at('15:25:00')],
      [{ type: 'next' }, at('15:55:00')],
      [{ type: 'previous' }, at('16:00:00')],
    ]);
    const [registro] = scheduleRows(agenda, state);
    expect(registro).toMatchObject({ actualStart: '09:25', differenceMin: -5, returns: ['10:00'] });
    expect(scheduleRows(agenda, state, 'UTC')[0]?.actualStart).toBe('15:25');
  });

  it('gives no difference for a stage run on another day', () => {
    const { agenda, state } = run([[{ type: 'start' }, Date.parse('2026-11-22T15:30:00Z')]]);
    expect(scheduleRows(agenda, state)[0]).toMatchObject({ actualStart: '09:30', differenceMin: null });
  });
});
