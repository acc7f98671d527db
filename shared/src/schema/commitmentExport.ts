import { wellFormed } from '../doc/text';
import { THEMES } from './mesa';
import type { Commitment } from './commitment';
import { COMMITMENT_TYPES, CRITERIA, CRITERION_IDS, ODS_NAMES, PRINCIPLES } from './commitmentCatalogues';
import { COMMITMENT_FIELD_LABELS as L } from './commitmentFieldLabels';

/** One field of a saved commitment: its path (as `missingFields` names it), Spanish label with positions, and value. */
export interface CommitmentField {
  /** List items by id: `linesOfAction.<lineId>.activities.<activityId>.verification`. */
  path: string;
  /** Positions as shown: "Línea de acción 2 › Actividad 1 › Medio de verificación". */
  label: string;
  value: string;
}

/**
 * A saved commitment field by field, in form order, with Spanish labels, positions as shown and values as text:
 * the CSV download, the fields an STL observation may name, and the diff of two versions. Ids appear only in
 * paths; nothing says who wrote what.
 */
export function commitmentFields(c: Commitment): CommitmentField[] {
  const fields: CommitmentField[] = [];
  const add = (path: string, label: string, value: string) => fields.push({ path, label, value });
  add('title', L.title, c.title);
  add('type', L.type, COMMITMENT_TYPES[c.type]);
  add('leadInstitution', L.leadInstitution, c.leadInstitution);
  add('theme', L.theme, THEMES[c.theme]);
  add('problem', L.problem, c.problem);
  add('longTermObjective', L.longTermObjective, c.longTermObjective);
  add('commitment', L.commitment, c.commitment);
  c.linesOfAction.forEach((line, l) => {
    const lineName = `${L['linesOfAction.*']} ${l + 1}`;
    const linePath = `linesOfAction.${line.id}`;
    add(`${linePath}.title`, `${lineName} › ${L['linesOfAction.*.title']}`, line.title);
    line.activities.forEach((activity, a) => {
      const name = `${lineName} › ${L['linesOfAction.*.activities.*']} ${a + 1}`;
      const path = `${linePath}.activities.${activity.id}`;
      for (const key of ['title', 'objective', 'verification', 'startDate', 'endDate'] as const) {
        add(`${path}.${key}`, `${name} › ${L[`linesOfAction.*.activities.*.${key}`]}`, activity[key]);
      }
    });
  });
  c.responsibles.forEach((person, i) => {
    const name = `${L['responsibles.*']} ${i + 1}`;
    for (const key of ['name', 'position', 'institution'] as const) {
      add(`responsibles.${person.id}.${key}`, `${name} › ${L[`responsibles.*.${key}`]}`, person[key]);
    }
  });
  for (const key of ['organization', 'person'] as const) {
    add(`coResponsible.${key}`, `${L.coResponsible} › ${L[`coResponsible.${key}`]}`, c.coResponsible[key]);
  }
  add('finalResult', L.finalResult, c.finalResult);
  c.products.forEach((product, i) => add(`products.${product.id}.text`, `${L['products.*']} ${i + 1}`, product.text));
  c.indicators.forEach((indicator, i) => {
    const name = `${L['indicators.*']} ${i + 1}`;
    for (const key of ['name', 'formula', 'goal'] as const) {
      add(`indicators.${indicator.id}.${key}`, `${name} › ${L[`indicators.*.${key}`]}`, indicator[key]);
    }
  });
  add('startDate', L.startDate, c.startDate);
  add('endDate', L.endDate, c.endDate);
  c.route.forEach((step, i) => {
    const name = `${L['route.*']} ${i + 1}`;
    add(`route.${step.id}.text`, `${name} › ${L['route.*.text']}`, step.text);
    add(`route.${step.id}.startMonth`, `${name} › ${L['route.*.startMonth']}`, step.startMonth ?? '');
    add(`route.${step.id}.endMonth`, `${name} › ${L['route.*.endMonth']}`, step.endMonth ?? '');
  });
  add('principles', L.principles, c.principles.map((p) => PRINCIPLES[p]).join('; '));
  add('ods', L.ods, c.ods.map((n) => `${n}. ${ODS_NAMES[n]}`).join('; '));
  add('genderPerspective', L.genderPerspective, c.genderPerspective);
  add('statePriorities', L.statePriorities, c.statePriorities);
  for (const id of CRITERION_IDS) {
    const name = `${L['criteria.*']} ${id}. ${CRITERIA[id].title}`;
    add(`criteria.${id}.met`, `${name} › ${L['criteria.*.met']}`, c.criteria[id].met ? 'Sí' : 'No');
    add(`criteria.${id}.note`, `${name} › ${L['criteria.*.note']}`, c.criteria[id].note);
  }
  return fields;
}

/**
 * A saved commitment as rows of (field, value), in form order, with Spanish labels and positions as shown
 * ("Línea de acción 2 › Actividad 1 › Medio de verificación"): the CSV download. Ids are left out; so is anything
 * about who wrote what.
 */
export function commitmentRows(c: Commitment): [field: string, value: string][] {
  return commitmentFields(c).map(({ label, value }) => [label, value]);
}

/**
 * Rows as CSV (RFC 4180: every cell quoted, CRLF), with a byte-order mark so that spreadsheet programs read the
 * accents as UTF-8. A cell that starts like a formula gets a leading apostrophe, so opening a downloaded file
 * never runs what someone typed into a field (CSV injection). A lone surrogate becomes U+FFFD (`wellFormed`): the
 * file is valid UTF-8 however it is encoded.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (raw: string) => {
    const value = wellFormed(raw);
    return `"${(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value).replaceAll('"', '""')}"`;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
