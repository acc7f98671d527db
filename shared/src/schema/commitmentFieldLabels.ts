/**
 * The Spanish name of every field, by pattern: a list item's id is written `*` (`linesOfAction.*.title`), and so is
 * the criterion (`criteria.*.note`). In form order, which is the order {@link missingFields} reports in.
 */
export const COMMITMENT_FIELD_LABELS = {
  title: 'Título del compromiso',
  type: 'Tipo de compromiso',
  leadInstitution: 'Institución responsable',
  theme: 'Tema',
  mesaId: 'Mesa de cocreación',
  problem: 'Problema público',
  problemNodeId: 'Problema central del árbol',
  longTermObjective: 'Objetivo de largo plazo',
  commitment: 'Compromiso definitivo',
  linesOfAction: 'Líneas de acción',
  'linesOfAction.*': 'Línea de acción',
  'linesOfAction.*.id': 'Identificador',
  'linesOfAction.*.title': 'Enunciado',
  'linesOfAction.*.meansId': 'Medio del árbol de objetivos',
  'linesOfAction.*.activities': 'Actividades',
  'linesOfAction.*.activities.*': 'Actividad',
  'linesOfAction.*.activities.*.id': 'Identificador',
  'linesOfAction.*.activities.*.title': 'Enunciado',
  'linesOfAction.*.activities.*.objective': 'Descripción / objetivo',
  'linesOfAction.*.activities.*.verification': 'Medio de verificación',
  'linesOfAction.*.activities.*.startDate': 'Fecha de inicio',
  'linesOfAction.*.activities.*.endDate': 'Fecha de conclusión',
  responsibles: 'Personas servidoras públicas responsables',
  'responsibles.*': 'Persona servidora pública responsable',
  'responsibles.*.id': 'Identificador',
  'responsibles.*.name': 'Nombre',
  'responsibles.*.position': 'Cargo',
  'responsibles.*.institution': 'Institución',
  coResponsible: 'Sociedad civil corresponsable',
  'coResponsible.organization': 'Organización',
  'coResponsible.person': 'Persona',
  finalResult: 'Resultado final',
  products: 'Productos esperados',
  'products.*': 'Producto esperado',
  'products.*.id': 'Identificador',
  'products.*.text': 'Descripción',
  indicators: 'Indicadores',
  'indicators.*': 'Indicador',
  'indicators.*.id': 'Identificador',
  'indicators.*.name': 'Nombre',
  'indicators.*.formula': 'Fórmula o método de cálculo',
  'indicators.*.goal': 'Meta',
  startDate: 'Fecha de inicio del compromiso',
  endDate: 'Fecha de conclusión del compromiso',
  route: 'Ruta para el cumplimiento',
  'route.*': 'Paso',
  'route.*.id': 'Identificador',
  'route.*.text': 'Descripción',
  'route.*.startMonth': 'Mes de inicio',
  'route.*.endMonth': 'Mes de conclusión',
  principles: 'Principios de gobierno abierto',
  ods: 'Objetivos de Desarrollo Sostenible (ODS)',
  genderPerspective: 'Perspectiva de igualdad de género, interseccionalidad y no discriminación',
  statePriorities: 'Alineación con las prioridades estatales (Plan Estatal de Desarrollo)',
  criteria: 'Criterios del compromiso',
  'criteria.*': 'Criterio',
  'criteria.*.met': '¿Se cumple?',
  'criteria.*.note': 'Nota',
} as const;
export type CommitmentFieldPattern = keyof typeof COMMITMENT_FIELD_LABELS;

/** Lists whose items carry an id: a path names the item by id, a label by its position. */
export const ITEM_LISTS: ReadonlySet<string> = new Set([
  'linesOfAction',
  'linesOfAction.*.activities',
  'responsibles',
  'products',
  'indicators',
  'route',
]);
/** Lists of plain values (chosen in one picker): a problem with one element is a problem of the list. */
export const VALUE_LISTS: ReadonlySet<string> = new Set(['principles', 'ods']);
/** Each pattern's rank in form order. */
export const FIELD_ORDER = new Map(Object.keys(COMMITMENT_FIELD_LABELS).map((pattern, rank) => [pattern, rank]));

/** The pattern of a field path: `linesOfAction.k3J9.activities.x1.title` → `linesOfAction.*.activities.*.title`. */
export function commitmentFieldPattern(path: string): string {
  const pattern: string[] = [];
  for (const segment of path === '' ? [] : path.split('.')) {
    const parent = pattern.join('.');
    pattern.push(ITEM_LISTS.has(parent) || parent === 'criteria' ? '*' : segment);
  }
  return pattern.join('.');
}

/** The Spanish label of a field pattern (the pattern itself if it has none). */
export function commitmentFieldLabel(pattern: string): string {
  return (COMMITMENT_FIELD_LABELS as Record<string, string>)[pattern] ?? pattern;
}
