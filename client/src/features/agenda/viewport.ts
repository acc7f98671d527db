/**
 * "Seguir al facilitador": a presenting facilitator shares the part of the tree canvas they see, as a rectangle in
 * flow coordinates (awareness field `viewport`), and followers fit that rectangle into their own canvas. A
 * rectangle rather than React Flow's pan and zoom, because screens differ: the same pan and zoom would show a
 * phone a corner of what a projector shows.
 */

/** A rectangle in flow coordinates. */
export interface ViewRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The awareness field a presenter's view travels in. */
export const VIEWPORT_FIELD = 'viewport';

/** What a canvas of `width` × `height` pixels shows at React Flow's viewport (pan `x`, `y`; `zoom`). */
export function visibleRect(viewport: { x: number; y: number; zoom: number }, width: number, height: number): ViewRect {
  return {
    x: -viewport.x / viewport.zoom,
    y: -viewport.y / viewport.zoom,
    width: width / viewport.zoom,
    height: height / viewport.zoom,
  };
}

/** Whether two views differ by less than a flow unit: nothing worth moving a follower's canvas for. */
export function sameRect(a: ViewRect, b: ViewRect): boolean {
  return (
    Math.abs(a.x - b.x) < 1 &&
    Math.abs(a.y - b.y) < 1 &&
    Math.abs(a.width - b.width) < 1 &&
    Math.abs(a.height - b.height) < 1
  );
}

/** Another client's `viewport` field, which is untrusted input: a ViewRect of finite numbers, or null. */
export function parseViewRect(value: unknown): ViewRect | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y, width, height } = value as Record<string, unknown>;
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (!finite(x) || !finite(y) || !finite(width) || !finite(height) || width <= 0 || height <= 0) return null;
  return { x, y, width, height };
}

export interface Presenter {
  clientId: number;
  name: string | null;
  rect: ViewRect;
}

/**
 * Whom a follower follows: a facilitator sharing a view. The role is the server's record (it overwrites every
 * state's `user`), so a participant cannot pose as the presenter. With several, the lowest client id, so every
 * follower picks the same one.
 */
export function findPresenter(states: ReadonlyMap<number, unknown>, selfId: number): Presenter | null {
  let found: Presenter | null = null;
  for (const [clientId, state] of states) {
    if (clientId === selfId || typeof state !== 'object' || state === null) continue;
    const { user, [VIEWPORT_FIELD]: viewport } = state as {
      user?: { role?: unknown; name?: unknown };
      [VIEWPORT_FIELD]?: unknown;
    };
    if (user?.role !== 'facilitator') continue;
    const rect = parseViewRect(viewport);
    if (rect === null || (found !== null && found.clientId < clientId)) continue;
    found = { clientId, name: typeof user.name === 'string' ? user.name : null, rect };
  }
  return found;
}
