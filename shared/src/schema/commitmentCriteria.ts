import { CRITERIA, CRITERION_IDS, type CriterionId } from './commitmentCatalogues';
import type { CommitmentDraft } from './commitment';
import { COMMITMENT_LIMITS } from './commitmentLimits';
import { latestEndDate } from './commitmentRules';

/** One thing the app checked on its own. */
export interface CriterionCheck {
  label: string;
  ok: boolean;
}

/** A criterion as the form shows it: what the app can check, and what the group said. */
export interface CriterionEvaluation {
  id: CriterionId;
  title: string;
  /** `null` where no fact in the data speaks to the criterion: only the group's judgement does. */
  automatic: { checks: CriterionCheck[] } | null;
  selfAssessment: { met: boolean | null; note: string };
}

const filled = (text: string) => text.trim() !== '';

/**
 * Checks what can be checked of the six criteria and sets it beside the group's self-assessment.
 *
 * - I: the problem, the long-term objective, the final result and at least one product are written: the
 *   criterion asks for "objetivos (productos, resultados…)".
 * - II: the dates are in order and span at most two years, each activity lies within them, and the responsible
 *   servants and civil-society co-responsible are named. Responsibles belong here rather than under I: the
 *   methodology assigns them "según viabilidad y factibilidad" (§3.2), and someone has to be able to carry it out.
 * - III: there is an indicator and every activity has a means of verification.
 * - IV: at least one open-government principle is chosen.
 * - V and VI: relevance to state priorities and the gender perspective are judgements; the texts that argue them
 *   are required to save, but only the group can say whether they hold.
 */
export function evaluateCriteria(commitment: CommitmentDraft): CriterionEvaluation[] {
  const activities = commitment.linesOfAction.flatMap((line) => line.activities);
  const { startDate: start, endDate: end } = commitment;
  const datesInOrder = start !== null && end !== null && start < end;

  const automatic: Record<CriterionId, CriterionCheck[] | null> = {
    I: [
      { label: 'Se describe el problema público.', ok: filled(commitment.problem) },
      { label: 'Se define el objetivo de largo plazo.', ok: filled(commitment.longTermObjective) },
      { label: 'Se describe el resultado final.', ok: filled(commitment.finalResult) },
      { label: 'Hay al menos un producto esperado.', ok: commitment.products.some((p) => filled(p.text)) },
    ],
    II: [
      { label: 'La fecha de conclusión es posterior a la de inicio.', ok: datesInOrder },
      {
        label: `El compromiso dura ${COMMITMENT_LIMITS.years} años o menos.`,
        ok: datesInOrder && end <= latestEndDate(start),
      },
      {
        label: 'Cada actividad tiene fechas dentro del periodo del compromiso.',
        ok:
          datesInOrder &&
          activities.length > 0 &&
          activities.every(
            (a) =>
              a.startDate !== null &&
              a.endDate !== null &&
              start <= a.startDate &&
              a.startDate <= a.endDate &&
              a.endDate <= end,
          ),
      },
      {
        label: 'Se nombra a las personas servidoras públicas responsables (nombre, cargo e institución).',
        ok:
          commitment.responsibles.length > 0 &&
          commitment.responsibles.every((r) => filled(r.name) && filled(r.position) && filled(r.institution)),
      },
      {
        label: 'Se nombra a la organización y a la persona corresponsables de la sociedad civil.',
        ok: filled(commitment.coResponsible.organization) && filled(commitment.coResponsible.person),
      },
    ],
    III: [
      { label: 'Hay al menos un indicador.', ok: commitment.indicators.some((i) => filled(i.name)) },
      {
        label: 'Cada actividad tiene un medio de verificación.',
        ok: activities.length > 0 && activities.every((a) => filled(a.verification)),
      },
    ],
    IV: [{ label: 'Se elige al menos un principio de gobierno abierto.', ok: commitment.principles.length > 0 }],
    V: null,
    VI: null,
  };

  return CRITERION_IDS.map((id) => {
    const checks = automatic[id];
    return {
      id,
      title: CRITERIA[id].title,
      automatic: checks === null ? null : { checks },
      selfAssessment: { met: commitment.criteria[id].met, note: commitment.criteria[id].note },
    };
  });
}
