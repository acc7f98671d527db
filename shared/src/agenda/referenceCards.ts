/**
 * The cards Etapa 4 works with ("Fichas con elementos de gobierno abierto, perspectiva de género y agenda 2030"),
 * as short texts the participants see beside the commitment draft. Every text is drawn from the source documents,
 * quoting or closely following them, and names where it comes from so the STL can check it against the original.
 */

/** The three kinds of card the methodology names. */
export type ReferenceCardKind = 'gobierno-abierto' | 'perspectiva-de-genero' | 'agenda-2030';

export interface ReferenceCard {
  id: string;
  kind: ReferenceCardKind;
  title: string;
  text: string;
  /** Where in the source documents the text comes from. */
  source: string;
}

export const REFERENCE_CARD_KIND_LABELS: Record<ReferenceCardKind, string> = {
  'gobierno-abierto': 'Elementos de gobierno abierto',
  'perspectiva-de-genero': 'Perspectiva de género',
  'agenda-2030': 'Agenda 2030',
};

const METODOLOGIA = 'Metodología para la construcción del Primer Plan de Acción Local (STL, junio de 2020)';

/** The Etapa 4 cards, open-government elements first, in the order the methodology lists the principles. */
export const REFERENCE_CARDS: readonly ReferenceCard[] = [
  {
    id: 'principios',
    kind: 'gobierno-abierto',
    title: 'Principios de gobierno abierto',
    text: 'Un compromiso es relevante desde una lógica de gobierno abierto cuando incluye en su formulación al menos uno de sus principios: transparencia, rendición de cuentas, participación ciudadana e innovación.',
    source: `${METODOLOGIA}, Compromisos Proactivos, criterio IV`,
  },
  {
    id: 'transparencia',
    kind: 'gobierno-abierto',
    title: 'Transparencia',
    text: 'Que todas las personas cuenten con la información adecuada antes, durante y después del ejercicio. Los compromisos cocreados, las hojas de ruta y el Plan de Acción Local se publican.',
    source: `${METODOLOGIA}, principio 1 y fases 3, 4 y 6`,
  },
  {
    id: 'rendicion-de-cuentas',
    kind: 'gobierno-abierto',
    title: 'Rendición de cuentas',
    text: 'Mantener y mejorar herramientas de rendición de cuentas, como un Tablero Público de Seguimiento, para que la ciudadanía cuente con información necesaria y suficiente para dar seguimiento a los compromisos adquiridos.',
    source: `${METODOLOGIA}, principio 4`,
  },
  {
    id: 'participacion-ciudadana',
    kind: 'gobierno-abierto',
    title: 'Participación ciudadana',
    text: 'Democratizar los procesos de toma de decisiones públicas, como un fin en sí mismo y como medio de control para garantizar que las acciones y decisiones públicas contribuyan en todo momento al interés público.',
    source: `${METODOLOGIA}, Propuesta de Metodología`,
  },
  {
    id: 'innovacion',
    kind: 'gobierno-abierto',
    title: 'Innovación',
    text: 'Adaptarnos a los tiempos que vivimos e innovar en la construcción de compromisos, por ejemplo con compromisos proactivos o con mesas que sesionan por medios tecnológicos.',
    source: `${METODOLOGIA}, Exposición de Motivos y Propuesta de Metodología`,
  },
  {
    id: 'cocreacion',
    kind: 'gobierno-abierto',
    title: 'Cocreación y corresponsabilidad',
    text: 'Mantener e incrementar el involucramiento de organizaciones de sociedad civil expertas en los temas de los compromisos hace una realidad la cocreación y la corresponsabilidad entre sociedad y gobierno.',
    source: `${METODOLOGIA}, principio 3`,
  },
  {
    id: 'perspectiva-de-genero',
    kind: 'perspectiva-de-genero',
    title: 'Igualdad de género e inclusión',
    text: 'El compromiso contiene una perspectiva de igualdad de género, interseccionalidades y no discriminación, y busca alternativas de solución con perspectiva incluyente.',
    source: `${METODOLOGIA}, criterio VI y fase 3`,
  },
  {
    id: 'agenda-2030',
    kind: 'agenda-2030',
    title: 'Agenda 2030 y Objetivos de Desarrollo Sostenible',
    text: 'Los compromisos se alinean al Plan Estatal de Desarrollo, que incorporó el enfoque de la Agenda 2030, y pueden contribuir de forma sustantiva a la consecución de los Objetivos de Desarrollo Sostenible (ODS).',
    source: `${METODOLOGIA}, Introducción y Propuesta de Metodología`,
  },
];
