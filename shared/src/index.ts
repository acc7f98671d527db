export * from './protocol';
export * from './schema/mesa';
export * from './schema/errors';
export * from './schema/plainName';
export * from './schema/participant';
export * from './schema/stl';
export * from './schema/agenda';
export * from './schema/agendaSnapshot';
export * from './agenda/time';
export * from './agenda/schedule';
export * from './agenda/template';
export * from './agenda/referenceCards';
export * from './agenda/edit';
export * from './agenda/machine';
export * from './agenda/clockSync';
export * from './schema/commitment';
export * from './schema/commitmentLimits';
export * from './schema/commitmentCatalogues';
export { latestEndDate } from './schema/commitmentRules';
export {
  COMMITMENT_FIELD_LABELS,
  commitmentFieldPattern,
  type CommitmentFieldPattern,
} from './schema/commitmentFieldLabels';
export * from './schema/missingFields';
export * from './schema/commitmentCriteria';
export * from './schema/commitmentVersion';
export * from './schema/commitmentExport';
export * from './schema/review';
export * from './schema/mesaNotice';
export * from './schema/commitmentDiff';
export * from './schema/board';
export * from './schema/responses';
export * from './doc/commitment';
export * from './doc/origins';
export * from './doc/tree';
export * from './doc/text';
export * from './doc/migrations';
export * from './wellFormedJson';
export * from './schema/plan';
export * from './schema/event';
export * from './schema/registration';
export * from './schema/seating';
export * from './schema/kit';
export * from './schema/planResponses';
export * from './schema/planOpenData';
export * from './seating/formTables';
export * from './schema/cronograma';
export { spanishMonth, monthOf, addMonths, monthsBetween, MONTH_PATTERN } from './schema/months';
