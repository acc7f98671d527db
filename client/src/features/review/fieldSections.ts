import type { CommitmentField } from '@cocrea/shared';
import type { MessageKey } from '../../i18n/es-MX';

/** The form's sections, in its order, by the first segment of a field's path. */
const SECTIONS: { title: MessageKey; roots: readonly string[] }[] = [
  {
    title: 'commitment.general',
    roots: ['title', 'type', 'leadInstitution', 'theme', 'problem', 'longTermObjective', 'commitment'],
  },
  { title: 'review.fields.lines', roots: ['linesOfAction'] },
  {
    title: 'commitment.roadmap',
    roots: ['responsibles', 'coResponsible', 'finalResult', 'products', 'indicators', 'startDate', 'endDate'],
  },
  { title: 'commitment.index.route', roots: ['route'] },
  { title: 'commitment.alignment', roots: ['principles', 'ods', 'genderPerspective', 'statePriorities'] },
];

/**
 * A version's fields grouped under the drafting form's section titles, in form order. The criteria are left to
 * the criteria review, which sets the group's answers beside the app's checks.
 */
export function fieldSections(fields: readonly CommitmentField[]): { title: MessageKey; fields: CommitmentField[] }[] {
  return SECTIONS.map(({ title, roots }) => ({
    title,
    fields: fields.filter((field) => roots.includes(field.path.split('.')[0]!)),
  })).filter((section) => section.fields.length > 0);
}
