import { z } from 'zod';
import { commitmentTypeSchema } from './commitmentCatalogues';
import { proactivePhaseSchema } from './proactive';

/** The six themes of the State of Mexico's Local Action Plan, as stored (slug) and as shown (label). */
export const THEMES = {
  movilidad: 'Movilidad',
  'medio-ambiente': 'Medio ambiente',
  seguridad: 'Seguridad',
  'combate-a-la-corrupcion': 'Combate a la corrupción',
  'fortalecimiento-de-la-democracia': 'Fortalecimiento de la democracia',
  'cultura-de-gobierno-abierto': 'Cultura de gobierno abierto',
} as const;

export type Theme = keyof typeof THEMES;
const themeSlugs = Object.keys(THEMES) as [Theme, ...Theme[]];

/** "Medio ambiente", "medio_ambiente" and "medio-ambiente" all name one theme: people type labels, scripts slugs. */
function toSlug(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

export const themeSchema = z.preprocess(
  toSlug,
  z.enum(themeSlugs, {
    error: `El tema debe ser uno de: ${Object.values(THEMES).join(', ')}.`,
  }),
);

/** Who a capability link makes you. The role comes from the token alone, never from what a client says. */
export const ROLES = ['facilitator', 'participant', 'observer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  facilitator: 'Facilitación',
  participant: 'Participante',
  observer: 'Observador',
};

/** A calendar date, YYYY-MM-DD, that exists. */
export const isoDateSchema = z.iso.date({ error: 'La fecha debe tener el formato AAAA-MM-DD y existir.' });

export const createMesaSchema = z
  .object({
    title: z
      .string({ error: 'El título es obligatorio.' })
      .trim()
      .min(3, 'El título debe tener al menos 3 caracteres.')
      .max(200, 'El título admite como máximo 200 caracteres.'),
    theme: themeSchema,
    date: isoDateSchema,
    /** The plan the mesa belongs to; left out, the mesa belongs to none until the STL files it. */
    planId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16}$/, 'El plan no es válido.')
      .optional(),
    /** `proactivo`: a compromiso proactivo, which an STL member starts inside a plan and takes through its phases. */
    kind: commitmentTypeSchema.default('mesa'),
  })
  .strict()
  .refine((input) => input.kind === 'mesa' || input.planId !== undefined, {
    error: 'Un compromiso proactivo se propone dentro de un plan.',
    path: ['planId'],
  });
export type CreateMesa = z.infer<typeof createMesaSchema>;

export const mesaSchema = z.object({
  id: z.string(),
  title: z.string(),
  theme: z.enum(themeSlugs),
  date: isoDateSchema,
  createdAt: z.string(),
  /** When the STL closed the mesa (ISO 8601), or null while it is open. A closed mesa is read-only for everyone. */
  closedAt: z.string().nullable(),
  /** The type of commitment it drafts: a mesa de cocreación's (`mesa`) or a compromiso proactivo (`proactivo`). */
  kind: commitmentTypeSchema,
  /** Where a compromiso proactivo is, 1 to 5; null for a mesa de cocreación, which follows its agenda instead. */
  phase: proactivePhaseSchema.nullable(),
});
export type Mesa = z.infer<typeof mesaSchema>;

/** A mesa id is 16 URL-safe characters; anything else is not one of ours. */
export const mesaIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/);

/** A capability token: 32 random bytes, base64url without padding (43 characters). */
export const capabilityTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
