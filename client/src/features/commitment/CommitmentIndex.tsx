import type { MessageKey } from '../../i18n/es-MX';
import { t } from '../../i18n/t';

/** The id of each section's heading of the commitment: the sections label themselves by it, the index jumps to it. */
export const SECTION_HEADING = {
  general: 'general-titulo',
  lines: 'lineas-titulo',
  roadmap: 'hoja-titulo',
  route: 'ruta-titulo',
  alignment: 'alineacion-titulo',
  criteria: 'criterios-titulo',
  save: 'guardar-titulo',
} as const;

/** In the order they come on the page. */
const ENTRIES: { section: keyof typeof SECTION_HEADING; label: MessageKey }[] = [
  { section: 'general', label: 'commitment.index.general' },
  { section: 'lines', label: 'commitment.index.lines' },
  { section: 'roadmap', label: 'commitment.index.roadmap' },
  { section: 'route', label: 'commitment.index.route' },
  { section: 'alignment', label: 'commitment.index.alignment' },
  { section: 'criteria', label: 'commitment.index.criteria' },
  { section: 'save', label: 'commitment.index.save' },
];

/**
 * The commitment's sections, kept in view above the form: the form is long (on a phone, some 8,000 pixels),
 * and a group discussing the roadmap should not have to scroll past the lines of action to reach it. A jump moves
 * the view and the focus to the section's heading, so a screen reader follows too.
 */
export function CommitmentIndex() {
  return (
    <nav className="commitment-index" aria-label={t('commitment.index')}>
      <ul>
        {ENTRIES.map(({ section, label }) => (
          <li key={section}>
            <a
              href={`#${SECTION_HEADING[section]}`}
              onClick={(event) => {
                // Not through the address: a jump within the form is no page for the back button to return to.
                event.preventDefault();
                jumpTo(SECTION_HEADING[section]);
              }}
            >
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function jumpTo(headingId: string): void {
  const heading = document.getElementById(headingId);
  if (!heading) return;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}
