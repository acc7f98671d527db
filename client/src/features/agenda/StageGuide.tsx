import { REFERENCE_CARD_KIND_LABELS, REFERENCE_CARDS, type ReferenceCardKind } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { useAgendaRoom } from './useAgendaRoom';

const KINDS = Object.keys(REFERENCE_CARD_KIND_LABELS) as ReferenceCardKind[];

/**
 * Beside the workspace, on demand: the current stage's guiding questions (Etapa 4's four) and the methodology's
 * cards on open-government elements, gender perspective and Agenda 2030.
 */
export function StageGuide() {
  const { stage, guideOpen, setGuideOpen } = useAgendaRoom();
  if (!guideOpen || stage === null) return null;
  return (
    <aside className="stage-guide" aria-labelledby="stage-guide-title">
      <div className="stage-guide-head">
        <h2 id="stage-guide-title">{t('agenda.guide.title')}</h2>
        <button type="button" onClick={() => setGuideOpen(false)}>
          {t('agenda.close')}
        </button>
      </div>
      {stage.questions && stage.questions.length > 0 && (
        <section aria-labelledby="stage-guide-questions">
          <h3 id="stage-guide-questions">{t('agenda.guide.questions')}</h3>
          <ol className="guide-questions">
            {stage.questions.map((question, i) => (
              <li key={`${i}:${question}`}>{question}</li>
            ))}
          </ol>
        </section>
      )}
      {KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`guide-${kind}`}>
          <h3 id={`guide-${kind}`}>{REFERENCE_CARD_KIND_LABELS[kind]}</h3>
          {REFERENCE_CARDS.filter((card) => card.kind === kind).map((card) => (
            <article key={card.id} className={`guide-card kind-${kind}`}>
              <h4>{card.title}</h4>
              <p>{card.text}</p>
              <p className="guide-source">{t('agenda.guide.source', { source: card.source })}</p>
            </article>
          ))}
        </section>
      ))}
    </aside>
  );
}
