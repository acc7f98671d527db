import { useId, useState, type FormEvent } from 'react';
import {
  COMPLETION_LABELS,
  activityProgressSchema,
  type EvidenceInput,
  type PublicActivity,
  type PublicEvidence,
} from '@cocrea/shared';
import { t } from '../../i18n/t';
import { CompletionBadge } from '../board/CompletionBadge';
import { useSubmit } from '../../ui/useSubmit';
import { recordProgress } from '../../api/followup';
import { EvidenceEditor, draftKey, type EvidenceDraft } from './EvidenceEditor';

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
  const [drafts, setDrafts] = useState<EvidenceDraft[]>(() => initialDrafts(progress.evidence));
  const [note, setNote] = useState(progress.note);
  const [announcement, setAnnouncement] = useState('');
  const { errors, failure, busy, submit } = useSubmit(activityProgressSchema, (input) =>
    recordProgress(csrfToken, mesaId, activity.id, input),
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAnnouncement('');
    // A link row left blank is no evidence; anything else goes as written, for the schema to judge.
    const evidence = drafts.flatMap((d): EvidenceInput[] =>
      d.kind === 'file'
        ? [{ kind: 'file', title: d.title, fileId: d.fileId }]
        : d.title.trim() === '' && d.url.trim() === ''
          ? []
          : [{ kind: 'link', title: d.title, url: d.url.trim() }],
    );
    const recorded = await submit({ level: level === '' ? undefined : level, evidence, note });
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
        <EvidenceEditor
          mesaId={mesaId}
          activityId={activity.id}
          csrfToken={csrfToken}
          drafts={drafts}
          onChange={setDrafts}
          errors={errors}
        />
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

/** The rows the form starts with: the activity's current evidence, or one empty link to fill in. */
function initialDrafts(evidence: readonly PublicEvidence[]): EvidenceDraft[] {
  if (evidence.length === 0) return [{ key: draftKey(), kind: 'link', title: '', url: '' }];
  return evidence.map((e) => ({ ...e, key: draftKey() }));
}
