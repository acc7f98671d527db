import { z } from 'zod';
import type { Role } from './mesa';
import { plainName } from './plainName';

/** The sectors a mesa interleaves at its tables (methodology §3.2, Etapa 0). */
export const SECTORS = {
  'servidor-publico': 'Servidor público',
  academia: 'Academia',
  'sociedad-civil': 'Sociedad civil',
  'comite-participacion-ciudadana': 'Comité de participación ciudadana',
  'organismo-autonomo': 'Organismo autónomo',
  otro: 'Otro',
} as const;
export type Sector = keyof typeof SECTORS;
const sectorSlugs = Object.keys(SECTORS) as [Sector, ...Sector[]];

/** What a person says about themselves when they open their link, before entering the mesa. */
export const joinMesaSchema = z
  .object({
    name: z
      .string({ error: 'El nombre es obligatorio.' })
      .trim()
      .min(2, 'Escriba su nombre (al menos 2 caracteres).')
      .max(80, 'El nombre admite como máximo 80 caracteres.')
      .superRefine(plainName),
    sector: z.enum(sectorSlugs, { error: 'Elija su sector.' }),
    organization: z
      .string({ error: 'La organización es obligatoria.' })
      .trim()
      .min(2, 'Escriba su organización o institución.')
      .max(120, 'La organización admite como máximo 120 caracteres.')
      .superRefine(plainName),
    acceptsChathamHouse: z.literal(true, { error: 'Debe aceptar la regla de Chatham House para participar.' }),
  })
  .strict();
export type JoinMesa = z.infer<typeof joinMesaSchema>;

/**
 * A person in a mesa as the server recorded their join. Presence shows name and colour live; nothing exported
 * or published carries them (Chatham House rule).
 */
export interface Participant {
  id: string;
  role: Role;
  name: string;
  sector: Sector;
  organization: string;
  color: string;
}

/** What the room's awareness shows as a connection's `user`: set by the server, never by the client. */
export interface PresenceUser {
  id: string | null;
  role: Role;
  name: string | null;
  color: string | null;
}

/** Distinct and readable on white, with a dark text label; assigned in join order. */
export const PRESENCE_COLORS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
] as const;

/** A seat token: the secret a browser keeps after joining, 43 base64url characters like capability tokens. */
export const seatTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
