import { useId, useState, type ChangeEvent } from 'react';
import { EVIDENCE_LIMITS, evidenceTypeLabel, type EvidenceMediaType } from '@cocrea/shared';
import { uploadEvidenceFile } from '../../api/followup';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import { formatSize } from '../registration/formatSize';

/** One piece of evidence being edited: a link, or a file already uploaded for the activity. */
export type EvidenceDraft =
  | { key: string; kind: 'link'; title: string; url: string }
  | {
      key: string;
      kind: 'file';
      title: string;
      fileId: string;
      fileName: string;
      mediaType: EvidenceMediaType;
      size: number;
    };

let nextKey = 0;
/** A key for a draft row that stays with it when the rows before it are removed. */
export const draftKey = () => `evidencia-${++nextKey}`;

interface EvidenceEditorProps {
  mesaId: string;
  activityId: string;
  csrfToken: string;
  drafts: EvidenceDraft[];
  onChange(drafts: EvidenceDraft[]): void;
  /** Problems by the path the schema gives them: `evidence`, `evidence.1.url`. */
  errors: Record<string, string>;
}

/**
 * An activity's evidence while it is edited: each link or file a row with its title; "Agregar un enlace" adds a
 * row, "Adjuntar un archivo" uploads a PDF or an image at once (the server checks its content) and adds it. Nothing
 * is published until the progress is saved.
 */
export function EvidenceEditor(props: EvidenceEditorProps) {
  const { mesaId, activityId, csrfToken, drafts, onChange, errors } = props;
  const id = useId();
  const [uploading, setUploading] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const full = drafts.length >= EVIDENCE_LIMITS.maxItems;
  const update = (key: string, change: Partial<{ title: string; url: string }>) =>
    onChange(drafts.map((d) => (d.key === key ? { ...d, ...change } : d)));

  async function attach(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    setAnnouncement('');
    if (!file) return;
    // Said here before sending 20 MB for nothing; the server checks the same, and the content's type.
    const problem =
      file.size === 0
        ? t('followup.evidence.empty')
        : file.size > EVIDENCE_LIMITS.maxFileBytes
          ? t('followup.evidence.tooBig')
          : full
            ? t('followup.evidence.full')
            : null;
    setFileProblem(problem);
    if (problem) return;
    setUploading(true);
    try {
      const uploaded = await uploadEvidenceFile(csrfToken, mesaId, activityId, file);
      const title = file.name.replace(/\.[A-Za-z0-9]{1,10}$/, '').slice(0, EVIDENCE_LIMITS.titleMax);
      onChange([
        ...drafts,
        {
          key: draftKey(),
          kind: 'file',
          title,
          fileId: uploaded.id,
          fileName: uploaded.fileName,
          mediaType: uploaded.mediaType,
          size: uploaded.size,
        },
      ]);
      setAnnouncement(t('followup.evidence.uploaded', { name: uploaded.fileName }));
    } catch (error) {
      setFileProblem(error instanceof ApiFailure ? error.message : t('error.generic'));
    } finally {
      setUploading(false);
    }
  }

  return (
    <fieldset className="evidence-editor" aria-describedby={`${id}-hint`}>
      <legend>{t('followup.evidence')}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {t('followup.evidence.hint')}
      </p>
      {errors.evidence && (
        <p className="field-error" id={`${id}-error`}>
          {errors.evidence}
        </p>
      )}
      <ol className="evidence-rows">
        {drafts.map((draft, i) => {
          const number = i + 1;
          const titleError = errors[`evidence.${i}.title`];
          const urlError = errors[`evidence.${i}.url`] ?? errors[`evidence.${i}`];
          return (
            <li key={draft.key} className="evidence-row">
              <label htmlFor={`${id}-${draft.key}-title`}>{t('followup.evidence.title', { number })}</label>
              <input
                id={`${id}-${draft.key}-title`}
                value={draft.title}
                maxLength={EVIDENCE_LIMITS.titleMax}
                onChange={(e) => update(draft.key, { title: e.target.value })}
                aria-invalid={Boolean(titleError)}
                aria-describedby={titleError ? `${id}-${draft.key}-title-error` : undefined}
              />
              {titleError && (
                <p className="field-error" id={`${id}-${draft.key}-title-error`}>
                  {titleError}
                </p>
              )}
              {draft.kind === 'link' ? (
                <>
                  <label htmlFor={`${id}-${draft.key}-url`}>{t('followup.evidence.url', { number })}</label>
                  <input
                    id={`${id}-${draft.key}-url`}
                    type="url"
                    inputMode="url"
                    value={draft.url}
                    placeholder="https://"
                    onChange={(e) => update(draft.key, { url: e.target.value })}
                    aria-invalid={Boolean(urlError)}
                    aria-describedby={urlError ? `${id}-${draft.key}-url-error` : undefined}
                  />
                  {urlError && (
                    <p className="field-error" id={`${id}-${draft.key}-url-error`}>
                      {urlError}
                    </p>
                  )}
                </>
              ) : (
                <p className="evidence-file">
                  {t('followup.evidence.file', { number, name: draft.fileName })}{' '}
                  <span className="muted">
                    (
                    {t('board.evidence.file', {
                      type: evidenceTypeLabel(draft.mediaType),
                      size: formatSize(draft.size),
                    })}
                    )
                  </span>
                </p>
              )}
              <button type="button" onClick={() => onChange(drafts.filter((d) => d.key !== draft.key))}>
                {t('followup.evidence.remove', { number })}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="evidence-actions">
        <button
          type="button"
          disabled={full}
          onClick={() => onChange([...drafts, { key: draftKey(), kind: 'link', title: '', url: '' }])}
        >
          {t('followup.evidence.addLink')}
        </button>
        <div>
          <label htmlFor={`${id}-file`}>{t('followup.evidence.attach')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept="application/pdf,image/png,image/jpeg,image/gif,image/webp"
            disabled={uploading || full}
            onChange={(e) => void attach(e)}
            aria-invalid={Boolean(fileProblem)}
            aria-describedby={fileProblem ? `${id}-file-error` : undefined}
          />
          {uploading && <p className="loading">{t('followup.evidence.uploading')}</p>}
          {fileProblem && (
            <p className="field-error" id={`${id}-file-error`} role="alert">
              {fileProblem}
            </p>
          )}
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </fieldset>
  );
}
