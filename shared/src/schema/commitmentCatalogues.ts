import { z } from 'zod';

/** The four open-government principles of criterion IV, as stored (slug) and as shown (label). */
export const PRINCIPLES = {
  transparencia: 'Transparencia',
  'rendicion-de-cuentas': 'Rendición de cuentas',
  'participacion-ciudadana': 'Participación ciudadana',
  innovacion: 'Innovación',
} as const;
export type Principle = keyof typeof PRINCIPLES;
const principleSlugs = Object.keys(PRINCIPLES) as [Principle, ...Principle[]];

/** The 17 Sustainable Development Goals (Agenda 2030) by number, with their official Spanish short names. */
export const ODS_NAMES = {
  1: 'Fin de la pobreza',
  2: 'Hambre cero',
  3: 'Salud y bienestar',
  4: 'Educación de calidad',
  5: 'Igualdad de género',
  6: 'Agua limpia y saneamiento',
  7: 'Energía asequible y no contaminante',
  8: 'Trabajo decente y crecimiento económico',
  9: 'Industria, innovación e infraestructura',
  10: 'Reducción de las desigualdades',
  11: 'Ciudades y comunidades sostenibles',
  12: 'Producción y consumo responsables',
  13: 'Acción por el clima',
  14: 'Vida submarina',
  15: 'Vida de ecosistemas terrestres',
  16: 'Paz, justicia e instituciones sólidas',
  17: 'Alianzas para lograr los objetivos',
} as const;
export type OdsNumber = keyof typeof ODS_NAMES;
/** 1 to 17, ascending. */
export const ODS_NUMBERS = Object.keys(ODS_NAMES).map(Number) as OdsNumber[];

/** The six criteria every commitment must meet (methodology §5), in their order. */
export const CRITERION_IDS = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

/** Each criterion's short title (for headings) and its text as the methodology words it (seed 003 §5). */
export const CRITERIA: Record<CriterionId, { title: string; text: string }> = {
  I: {
    title: 'Problema público y objetivos claros',
    text: 'Responder a un problema público concreto y, por lo tanto, ser claro en sus objetivos (productos, resultados y, en su caso, impactos).',
  },
  II: {
    title: 'Factible',
    text: 'Factible jurídicamente, así como en términos de recursos y de tiempo (2 años), lo cual debe definirse desde el diseño y no posteriormente como excusa para su incumplimiento.',
  },
  III: {
    title: 'Medible y evaluable',
    text: 'Medible y evaluable para identificar sus resultados e impactos.',
  },
  IV: {
    title: 'Relevante para el gobierno abierto',
    text: 'Relevante desde una lógica de gobierno abierto, lo cual implica que el compromiso incluye en su formulación al menos uno de los principios de gobierno abierto: transparencia, rendición de cuentas, participación ciudadana e innovación.',
  },
  V: {
    title: 'Relevante para las prioridades estatales',
    text: 'Relevante en relación con las prioridades estatales.',
  },
  VI: {
    title: 'Perspectiva de igualdad de género',
    text: 'Contener una perspectiva de igualdad de género, interseccionalidades y no discriminación.',
  },
};

/** One open-government principle, by slug. */
export const principleSchema = z.enum(principleSlugs, {
  error: `El principio debe ser uno de: ${Object.values(PRINCIPLES).join(', ')}.`,
});

/** One Sustainable Development Goal, by number. */
export const odsSchema = z.literal(ODS_NUMBERS, { error: 'El ODS debe ser un número entero del 1 al 17.' });

/**
 * Where a commitment comes from (methodology §5): a mesa de cocreación drafts one, or an STL member proposes a
 * proactive one (compromiso proactivo, seeds 000 and 002), which goes through its own five phases.
 */
export const COMMITMENT_TYPES = {
  mesa: 'Compromiso de mesa',
  proactivo: 'Compromiso proactivo',
} as const;
export type CommitmentType = keyof typeof COMMITMENT_TYPES;

/** A commitment's type, by slug. */
export const commitmentTypeSchema = z.enum(Object.keys(COMMITMENT_TYPES) as [CommitmentType, ...CommitmentType[]], {
  error: `El tipo debe ser uno de: ${Object.keys(COMMITMENT_TYPES).join(', ')}.`,
});
