import {
  COMMITMENT_FIELD_LABELS as L,
  COMMITMENT_TYPES,
  THEMES,
  versionStageLabel,
  type CommitmentVersion,
  type Mesa,
} from '@cocrea/shared';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { AlignmentSection } from './AlignmentSection';
import { CriteriaTable } from './CriteriaTable';
import { LineOfActionTable } from './LineOfActionTable';
import { RoadmapTable } from './RoadmapTable';
import { RouteSection } from './RouteSection';
import { VotesSection } from './VotesSection';

/**
 * The version on paper, in the order of the methodology's finished commitments: problem and objectives, each line
 * of action as an activity / description / means of verification table, the roadmap, alignment and criteria. No
 * names appear but the responsible servants' and the co-responsible organisation's.
 */
export function VersionSheet({ version, mesa }: { version: CommitmentVersion; mesa: Mesa }) {
  const c = version.commitment;
  return (
    <article className="print-sheet">
      <header className="print-header">
        <p className="print-kicker">{t('print.kicker', { theme: THEMES[c.theme] })}</p>
        <h1>{c.title}</h1>
        <p className="print-identity">
          {t('print.identity', { type: COMMITMENT_TYPES[c.type], institution: c.leadInstitution })}
        </p>
        <p className="muted">
          {t('print.mesa', { kind: mesa.kind, title: mesa.title })} · {t('print.version', { number: version.number })} ·{' '}
          {formatInstant(version.savedAt)} · {versionStageLabel(version.stage)}
        </p>
      </header>

      <section>
        <h2>{L.problem}</h2>
        <p className="print-text">{c.problem}</p>
        <h2>{L.longTermObjective}</h2>
        <p className="print-text">{c.longTermObjective}</p>
        <h2>{L.commitment}</h2>
        <p className="print-text">{c.commitment}</p>
      </section>

      {c.linesOfAction.map((line, l) => (
        <LineOfActionTable key={line.id} line={line} number={l + 1} />
      ))}
      <RoadmapTable commitment={c} />
      <RouteSection source={c} />
      <AlignmentSection commitment={c} />
      <CriteriaTable commitment={c} />
      <VotesSection votes={version.votes} />

      <footer className="print-footer">
        <p>{t('print.hash', { hash: version.contentHash.slice(0, 16) })}</p>
      </footer>
    </article>
  );
}
