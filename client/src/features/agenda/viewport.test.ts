import { describe, expect, it } from 'vitest';
import { findPresenter, parseViewRect, sameRect, visibleRect } from './viewport';

describe('the shared view', () => {
  it('is what the canvas shows, in flow coordinates', () => {
    expect(visibleRect({ x: -200, y: 100, zoom: 2 }, 800, 600)).toEqual({ x: 100, y: -50, width: 400, height: 300 });
  });

  it('ignores moves smaller than a flow unit', () => {
    const a = { x: 0, y: 0, width: 100, height: 100 };
    expect(sameRect(a, { ...a, x: 0.5 })).toBe(true);
    expect(sameRect(a, { ...a, width: 102 })).toBe(false);
  });

  it.each([null, 3, { x: 1, y: 2, width: 0, height: 5 }, { x: 1, y: 2, width: Infinity, height: 5 }, { x: '1' }])(
    'refuses %j from another client',
    (value) => expect(parseViewRect(value)).toBeNull(),
  );
});

describe('the presenter', () => {
  const rect = { x: 0, y: 0, width: 640, height: 480 };
  const facilitator = (name: string, viewport: unknown = rect) => ({ user: { role: 'facilitator', name }, viewport });

  it('is a facilitator sharing a view, never a participant, never oneself', () => {
    const states = new Map<number, unknown>([
      [1, { user: { role: 'participant', name: 'Ana' }, viewport: rect }],
      [2, facilitator('Yo')],
      [3, facilitator('Sin vista', null)],
    ]);
    expect(findPresenter(states, 2)).toBeNull();
    expect(findPresenter(states, 9)).toEqual({ clientId: 2, name: 'Yo', rect });
  });

  it('is the same for every follower when two facilitators present', () => {
    const states = new Map<number, unknown>([
      [20, facilitator('Beto')],
      [10, facilitator('Carla')],
    ]);
    expect(findPresenter(states, 1)?.name).toBe('Carla');
  });
});
