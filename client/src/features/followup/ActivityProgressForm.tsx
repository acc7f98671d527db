import { useId, useState, type FormEvent } from 'react';
import { COMPLETION_LABELS, activityProgressSchema, type PublicActivity } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { CompletionBadge } from '../board/CompletionBadge';
import { useSubmit } from '../../ui/useSubmit';
import { recordProgress } from '../../api/followup';

const LEVELS = ['no_iniciado', 'limitado', 'sustancial', 'completo'] as const;

interface ActivityProgressFormProps {
  mesaId: string;
  /** "2.1": the activity's position as the board shows it. */
  position: string;
  activity: PublicActivity;
  csrfToken: string;
  onRecorded(): void;
}

/** One activity of a published commitment: its current progress, and a form to record new progress with evidence. */
export function ActivityProgressForm({ mesaId, position, activity, csrfToken, onRecorded }: ActivityProgressFormProps) {
  const id = useId();
  const { progress } = activity;
  const [level, setLevel] = useState<string>(progress.level === 'sin_evidencia' ? '' : progress.level);
  const [evidence, setEvidence] = useState(progress.evidence.join('\n'));
  const [note, setNote] = useState(progress.note);
  const [announcement, setAnnouncement] = useState('');
  const { errors, failure, busy, submit } = useSubmit(activityProgressSchema, (input) =>
    recordProgress(csrfToken, mesaId, activity.id, input),
  );
  // A list's problem is keyed by the list or by the first bad link (`evidence.2`).
  const evidenceError = errors.evidence ?? Object.entries(errors).find(([key]) => key.startsWith('evidence.'))?.[1];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAnnouncement('');
    const links = evidence
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const recorded = await submit({ level: level === '' ? undefined : level, evidence: links, note });
    if (!recorded) return;
    setAnnouncement(t('followup.saved', { activity: position }));
    onRecorded();
  }

  return (
    <li className="followup-activity">
      <h4 id={`${id}-title`}>{t('followup.activity', { position, title: activity.title })}</h4>
      <p className="field-hint">{t('followup.verification', { verification: activity.verification })}</p>
      <p>
        <CompletionBadge level={progress.level} label={t('followup.current')} />
      </p>
      <form className="followup-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
        <div>
          <label htmlFor={`${id}-level`}>{t('followup.level')}</label>
          <select
            id={`${id}-level`}
            value={level}
            onChange={(e) => setLevel(e.target.value)}
            aria-invalid={Boolean(errors.level)}
            aria-describedby={errors.level ? `${id}-level-error` : undefined}
          >
            <option value="">{t('followup.level.choose')}</option>
            {LEVELS.map((value) => (
              <option key={value} value={value}>
                {COMPLETION_LABELS[value]}
              </option>
            ))}
          </select>
          {errors.level && (
            <p className="field-error" id={`${id}-level-error`}>
              {errors.level}
            </p>
          )}
        </div>
        <div>
          <label htmlFor={`${id}-evidence`}>{t('followup.evidence')}</label>
          <p className="field-hint" id={`${id}-evidence-hint`}>
            {t('followup.evidence.hint')}
          </p>
          <textarea
            id={`${id}-evidence`}
            rows={2}
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            aria-invalid={Boolean(evidenceError)}
            aria-describedby={`${id}-evidence-hint${evidenceError ? ` ${id}-evidence-error` : ''}`}
          />
          {evidenceError && (
            <p className="field-error" id={`${id}-evidence-error`}>
              {evidenceError}
            </p>
          )}
        </div>
        <div>
          <label htmlFor={`${id}-note`}>{t('followup.note')}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={Boolean(errors.note)}
          />
        </div>
        {failure && (
          <p className="form-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('followup.saving') : t('followup.save', { activity: position })}
        </button>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </form>
    </li>
  );
}
