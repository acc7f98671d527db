import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { KIT_LIMITS, KIT_MEDIA_TYPES, addKitLinkSchema, type KitItem } from '@cocrea/shared';
import { addKitFile, addKitLink, fetchKit, kitFileUrl, removeKitItem } from '../../api/plan';
import { useLoaded } from '../../api/useLoaded';
import { t } from '../../i18n/t';
import { LoadFailure } from '../../ui/LoadFailure';
import { useSubmit } from '../../ui/useSubmit';
import { formatSize } from '../registration/formatSize';
import { Field } from '../../ui/Field';
import { useAction } from '../stl/useAction';

/**
 * The participant kit (fase 2): documents (PDF, images, office documents, up to 20 MB each) and links the
 * registrants read before the event. The server decides a file's type from its content; a file that lies about
 * it, is too big or empty is refused with its reason.
 */
export function KitManager({ eventId, csrfToken }: { eventId: string; csrfToken: string }) {
  const load = useCallback(async () => fetchKit(eventId), [eventId]);
  const { state, reload } = useLoaded(load, 'kit.loadError');
  const [announcement, setAnnouncement] = useState('');
  const { busy, failure, act } = useAction();
  const added = (item: KitItem) => {
    setAnnouncement(t('kit.added', { title: item.title }));
    reload();
  };
  const remove = (item: KitItem) =>
    act(async () => {
      if (!window.confirm(t('kit.confirmRemove', { title: item.title }))) return;
      await removeKitItem(csrfToken, eventId, item.id);
      setAnnouncement(t('kit.removed', { title: item.title }));
      reload();
    });

  return (
    <>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {state.status === 'loading' && <p className="loading">{t('kit.loading')}</p>}
      {state.status === 'error' && <LoadFailure message={state.message} onRetry={reload} />}
      {state.status === 'ready' &&
        (state.items.length === 0 ? (
          <p className="muted">{t('kit.emptyStl')}</p>
        ) : (
          <ul className="kit">
            {state.items.map((item) => (
              <li key={item.id}>
                {item.kind === 'file' ? (
                  <>
                    <a href={kitFileUrl(eventId, item.id)} download={item.fileName}>
                      {item.title}
                    </a>{' '}
                    <span className="muted">
                      {t('kit.fileMeta', { type: KIT_MEDIA_TYPES[item.mediaType], size: formatSize(item.size) })}
                    </span>
                  </>
                ) : (
                  <a href={item.url} target="_blank" rel="noreferrer noopener">
                    {item.title}
                  </a>
                )}{' '}
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  onClick={() => void remove(item)}
                  aria-label={t('kit.removeLabel', { title: item.title })}
                >
                  {t('kit.remove')}
                </button>
              </li>
            ))}
          </ul>
        ))}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div className="kit-forms">
        <KitFileForm eventId={eventId} csrfToken={csrfToken} onAdded={added} />
        <KitLinkForm eventId={eventId} csrfToken={csrfToken} onAdded={added} />
      </div>
    </>
  );
}

interface FormProps {
  eventId: string;
  csrfToken: string;
  onAdded(item: KitItem): void;
}

function KitFileForm({ eventId, csrfToken, onAdded }: FormProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const { busy, failure, act } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    // Said here before sending 20 MB for nothing; the server checks the same, and the content's type.
    const problem = !file
      ? t('kit.file.missing')
      : file.size === 0
        ? t('kit.file.empty')
        : file.size > KIT_LIMITS.maxFileBytes
          ? t('kit.file.tooBig')
          : null;
    setFileError(problem);
    if (problem || !file) return;
    await act(async () => {
      const item = await addKitFile(csrfToken, eventId, title.trim() || file.name, file);
      setTitle('');
      if (input.current) input.current.value = '';
      onAdded(item);
    });
  }

  return (
    <form className="join" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('kit.file.title')}</h3>
      <label htmlFor={`${id}-file`}>{t('kit.file.label')}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('kit.file.hint')}
      </p>
      <input
        id={`${id}-file`}
        ref={input}
        type="file"
        aria-describedby={fileError ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={Boolean(fileError)}
      />
      {fileError && (
        <p className="field-error" id={`${id}-error`}>
          {fileError}
        </p>
      )}
      <Field
        label={t('kit.itemTitle')}
        hint={t('kit.file.titleHint')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('kit.file.sending') : t('kit.file.submit')}
      </button>
    </form>
  );
}

function KitLinkForm({ eventId, csrfToken, onAdded }: FormProps) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const { errors, failure, busy, submit } = useSubmit(addKitLinkSchema, (input) =>
    addKitLink(csrfToken, eventId, input),
  );

  async function send(e: FormEvent) {
    e.preventDefault();
    const item = await submit({ title, url: url.trim() });
    if (!item) return;
    setTitle('');
    setUrl('');
    onAdded(item);
  }

  return (
    <form className="join" onSubmit={(e) => void send(e)} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('kit.link.title')}</h3>
      <Field label={t('kit.itemTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
      <Field
        label={t('kit.link.url')}
        type="url"
        inputMode="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={errors.url}
      />
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('kit.link.sending') : t('kit.link.submit')}
      </button>
    </form>
  );
}
