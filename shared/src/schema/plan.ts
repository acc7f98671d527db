import { z } from 'zod';
import { plainName } from './plainName';

/**
 * A Plan de Acción Local (PAL): what the STL builds over a period. It holds the co-creation events, their mesas
 * and the mesas made one by one; its privacy notice is the text every registrant of its events accepts.
 */

/** Ids of plans, events, registrations, tables' seats and kit items: 16 URL-safe characters, as mesa ids. */
export const entityIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/);

/** "2026–2028" (an en dash; "2026-2028" is taken too): the end from the start year to ten years after it. */
export const periodSchema = z
  .string({ error: 'El periodo es obligatorio.' })
  .trim()
  .regex(/^\d{4}\s*[–-]\s*\d{4}$/, 'El periodo debe tener la forma 2026–2028.')
  .transform((value) => value.split(/\s*[–-]\s*/).map(Number) as [number, number])
  .refine(([start, end]) => start >= 2000 && end >= start && end - start <= 10, {
    error: 'El periodo debe empezar en el año 2000 o después y durar de 0 a 10 años.',
  })
  .transform(([start, end]) => `${start}–${end}`);

/** The aviso de privacidad a plan starts with; the STL edits it (personal data under Mexican law, LGPDPPSO). */
export const DEFAULT_PRIVACY_NOTICE =
  'Aviso de privacidad simplificado. El Secretariado Técnico Local recaba su nombre, sector, organización y, si lo ' +
  'proporciona, su correo electrónico, con la única finalidad de organizar el evento de cocreación, integrar las ' +
  'mesas de trabajo y llevar el registro de asistencia. Sus datos no se publican ni se transfieren, salvo las ' +
  'excepciones previstas en la ley. Puede ejercer sus derechos de acceso, rectificación, cancelación y oposición ' +
  '(ARCO) ante el Secretariado Técnico Local.';

export const PLAN_LIMITS = { titleMax: 200, entityMax: 200, privacyNoticeMax: 20_000 } as const;

const planFields = {
  title: z
    .string({ error: 'El título es obligatorio.' })
    .trim()
    .min(3, 'El título debe tener al menos 3 caracteres.')
    .max(PLAN_LIMITS.titleMax, `El título admite como máximo ${PLAN_LIMITS.titleMax} caracteres.`),
  period: periodSchema,
  entity: z
    .string({ error: 'La entidad es obligatoria.' })
    .trim()
    .min(2, 'Escriba la entidad (al menos 2 caracteres).')
    .max(PLAN_LIMITS.entityMax, `La entidad admite como máximo ${PLAN_LIMITS.entityMax} caracteres.`)
    .superRefine(plainName),
  privacyNotice: z
    .string({ error: 'El aviso de privacidad es obligatorio.' })
    .trim()
    .min(20, 'El aviso de privacidad debe tener al menos 20 caracteres.')
    .max(
      PLAN_LIMITS.privacyNoticeMax,
      `El aviso de privacidad admite como máximo ${PLAN_LIMITS.privacyNoticeMax} caracteres.`,
    ),
};

/** `POST /api/plans`. Without `privacyNotice`, the plan starts with {@link DEFAULT_PRIVACY_NOTICE}. */
export const createPlanSchema = z.strictObject({
  ...planFields,
  privacyNotice: planFields.privacyNotice.default(DEFAULT_PRIVACY_NOTICE),
});
export type CreatePlan = z.infer<typeof createPlanSchema>;

/** `PATCH /api/plans/:planId`: any of the fields, at least one. */
export const updatePlanSchema = z
  .strictObject({
    title: planFields.title.optional(),
    period: planFields.period.optional(),
    entity: planFields.entity.optional(),
    privacyNotice: planFields.privacyNotice.optional(),
  })
  .refine((change) => Object.values(change).some((v) => v !== undefined), {
    error: 'Indique al menos un campo que cambia.',
  });
export type UpdatePlan = z.infer<typeof updatePlanSchema>;

export const planSchema = z.object({
  id: z.string(),
  title: z.string(),
  period: z.string(),
  entity: z.string(),
  privacyNotice: z.string(),
  createdAt: z.string(),
});
export type Plan = z.infer<typeof planSchema>;
