import { z } from 'zod';

/**
 * A compromiso proactivo (methodology §5, seeds 000 and 002): an STL member proposes it inside a plan, without a
 * mesa de cocreación, and the STL takes it through five phases. In Cocrea it is a mesa of kind `proactivo` (the
 * same live tree, objectives tree and draft), whose agenda is these phases instead of a timed session.
 */
export const PROACTIVE_PHASES = {
  1: 'Propuesta de un integrante del STL',
  2: 'Árbol de problemas',
  3: 'Diálogo abierto con organizaciones',
  4: 'Hoja de ruta',
  5: 'Publicación',
} as const;
export type ProactivePhase = keyof typeof PROACTIVE_PHASES;
export const PROACTIVE_PHASE_COUNT = 5;

export const proactivePhaseSchema = z
  .int({ error: 'La fase debe ser un número entero del 1 al 5.' })
  .min(1, 'La fase debe ser un número entero del 1 al 5.')
  .max(PROACTIVE_PHASE_COUNT, 'La fase debe ser un número entero del 1 al 5.')
  .transform((phase) => phase as ProactivePhase);

/**
 * `POST /api/mesas/:id/phase`: one step forward or back, from the phase the STL saw (a move against a phase that
 * has passed is refused as stale, as the agenda's commands are).
 */
export const movePhaseSchema = z
  .strictObject({ from: proactivePhaseSchema, to: proactivePhaseSchema })
  .refine(({ from, to }) => Math.abs(to - from) === 1, {
    error: 'Un compromiso proactivo avanza o regresa una fase a la vez.',
    path: ['to'],
  });
export type MovePhase = z.infer<typeof movePhaseSchema>;
