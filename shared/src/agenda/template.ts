import type { Agenda, AgendaStage } from '../schema/agenda';

/** The methodology's mesa starts at half past nine (Etapa 0: Registro, 09:30 a 10:00 horas). */
export const DEFAULT_AGENDA_START = '09:30';

/** The four questions Etapa 4 answers, in the methodology's order. */
export const COMMITMENT_QUESTIONS = [
  // The source writes "¿Que podemos hacer?"; the interrogative takes its accent, as in the three questions after it.
  '¿Qué podemos hacer?',
  '¿Qué medios y fines son necesarios para atender el problema?',
  '¿Es factible el compromiso formulado?',
  '¿Cómo redactar el compromiso?',
] as const;

/**
 * The default mesa agenda, transcribed from the methodology (seed 003, §3.2 "Mesas de cocreación: definición de
 * compromisos y de sus responsables"). Names are verbatim; times are not stored but follow from the durations and
 * {@link DEFAULT_AGENDA_START}, and the test checks them against the source's. The source's HTML lists became
 * arrays or lines starting with "–", cell-final periods were dropped from labels and list items, Etapa 1's footnote
 * quoting the Chatham House rule is inlined where the rule is named (participants read the rule, not a footnote),
 * and four slips of the source were mended: "Que" → "Qué", "comites" → "comités", "las mesa" → "las mesas",
 * "ChathamHouse" → "Chatham House".
 *
 * Tools: the problem tree is open where the tree is presented or worked on (2, 4, 6); the commitment draft where
 * the commitment is written (4, 5, 7).
 */
export const DEFAULT_AGENDA_STAGES: readonly AgendaStage[] = [
  {
    id: 'registro',
    name: 'Registro',
    durationMin: 30,
    responsible: 'Secretariado Técnico Local',
    materials: [
      'Listas de registro de los asistentes previamente convocados (y que deseablemente hayan participado en la mesa previa)',
    ],
    dynamic:
      '5 personas del Secretariado Técnico se encargarán del registro. Se integran mesas con un promedio de 5 a 10 personas dependiendo del aforo, intercalando a los asistentes (servidores públicos, académicos, sociedad civil, comités de participación ciudadana del Sistema Estatal y Municipal Anticorrupción).',
    tools: { tree: false, commitment: false },
  },
  {
    id: 'bienvenida',
    name: 'Bienvenida, contexto y antecedentes',
    durationMin: 20,
    responsible: 'Facilitador',
    materials: ['Presentación con un resumen de los resultados alcanzados en las mesas de cocreación tipo 1'],
    dynamic: [
      'Un integrante del STL presentará los siguientes elementos:',
      '– ¿Qué es la Alianza para el Gobierno Abierto? ¿Qué hace la Alianza en México? ¿Qué es el Secretariado Técnico?',
      '– ¿Qué hacemos aquí? ¿Qué resultados esperamos obtener? ¿Cómo vamos a lograrlo?',
      '– Perspectivas transversales para la construcción del PAL: Agenda 2030 para el Desarrollo Sostenible; Igualdad de género e inclusión.',
      '– Reglas en general y regla Chatham House: los participantes tienen el derecho de utilizar la información que reciben, pero no se puede revelar ni la identidad ni la afiliación del orador, ni de ningún otro participante.',
      '– Construcción de los árboles de problemas.',
    ].join('\n'),
    tools: { tree: false, commitment: false },
  },
  {
    id: 'introduccion',
    name: 'Introducción sobre el tema y problemática identificada',
    durationMin: 20,
    responsible: 'Persona de la academia o experta en la temática y problemática a tratar',
    materials: [
      'Documento sobre el tema y el árbol de problemas identificados en la consulta elaborado',
      'Artículos o documentos académicos sobre el tema y la problemática a tratar elaborados o sugeridos por experto',
      'Presentación audiovisual elaborada por el experto',
    ],
    dynamic:
      'Realizar una presentación sobre los elementos clave del tema y problemas identificados a partir del árbol de problemas.',
    tools: { tree: true, commitment: false },
  },
  {
    id: 'perspectiva-institucional',
    name: 'Perspectiva institucional',
    durationMin: 20,
    responsible: 'Entes Públicos competentes, o cuyas funciones se relacionen con el tema o problemas competentes',
    materials: ['Presentación audiovisual elaborada por el ente público ponente'],
    dynamic:
      'Servidores públicos del Gobierno hacen una presentación sobre la posición institucional respecto el tema y problema y, en su caso, su relación con la Agenda 2030, dependiendo de la materia que corresponda.',
    tools: { tree: false, commitment: false },
  },
  {
    id: 'formulacion',
    name: 'Formulación del compromiso',
    durationMin: 120,
    responsible: 'Facilitador y participantes',
    materials: [
      'Post-its, plumones, cartulinas',
      'Fichas con elementos de gobierno abierto, perspectiva de género y agenda 2030',
      'Formato para la redacción del compromiso',
    ],
    dynamic: 'Responder las siguientes preguntas:',
    questions: [...COMMITMENT_QUESTIONS],
    tools: { tree: true, commitment: true },
  },
  {
    id: 'deliberacion',
    name: 'Deliberación sobre los ajustes al compromiso preliminar',
    durationMin: 60,
    responsible:
      'Servidores públicos, integrantes de sociedad civil y personas de la academia participantes en la mesa',
    materials: ['1 mesa en herradura para 25 personas', 'hojas y plumas', '25 sillas', 'cartulinas y plumones'],
    dynamic:
      'Discutir y analizar en un diálogo abierto los ajustes necesarios y pertinentes para la formulación final del compromiso.',
    tools: { tree: false, commitment: true },
  },
  {
    id: 'problema-publico',
    name: 'Problema público desde el que partimos',
    durationMin: 30,
    responsible: 'Facilitador',
    materials: ['Árbol del problema del tema de la mesa'],
    dynamic:
      'El facilitador realiza una recapitulación de los pasos previos de la metodología de construcción del Plan de Acción Local y del proceso para la elaboración de los árboles de problemas, y explica brevemente el árbol del problema, así como de los criterios para la cocreación de los compromisos.',
    tools: { tree: true, commitment: false },
  },
  {
    id: 'formulacion-definitiva',
    name: 'Formulación definitiva del compromiso',
    durationMin: 30,
    responsible:
      'Servidores públicos, integrantes de sociedad civil, personas de la academia y participantes en la mesa',
    materials: ['1 mesa en herradura para 25 personas', 'hojas y plumas', 'cartulinas y plumones', '25 sillas'],
    dynamic: [
      'Discusión entre los participantes sobre la redacción final del compromiso para definir:',
      '– Objetivo de largo plazo: contribución del compromiso a alguno de los objetivos y metas del ejercicio de gobierno abierto.',
      '– Compromiso definitivo: acciones que se esperan lograr en la población objetivo al finalizar el Plan de Acción Local.',
    ].join('\n'),
    tools: { tree: false, commitment: true },
  },
];

/** A mesa's own editable agenda, a deep copy of the template so edits never reach the shared constant. */
export function createDefaultAgenda(date: string): Agenda {
  return {
    date,
    startTime: DEFAULT_AGENDA_START,
    stages: DEFAULT_AGENDA_STAGES.map((stage) => ({
      ...stage,
      materials: [...stage.materials],
      ...(stage.questions && { questions: [...stage.questions] }),
      tools: { ...stage.tools },
    })),
  };
}
