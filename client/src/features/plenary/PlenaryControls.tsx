import { useState, type FormEvent } from 'react';
import { PLENARY_NOTICE_MAX, plenaryNoticeRequestSchema, type PlenaryStartResult } from '@cocrea/shared';
import { sendPlenaryNotice, startAllTables } from '../../api/plan';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';
import { TextAreaField } from '../../ui/Field';
import { useSubmit } from '../../ui/useSubmit';

interface Props {
  eventId: string;
  csrfToken: string;
}

/**
 * What the plenary's lead does to every table at once: start their agendas with one command, and send a notice
 * every table's pages show. Each answer is said in a status region, tables that did not start with their reason.
 */
export function PlenaryControls({ eventId, csrfToken }: Props) {
  const [starting, setStarting] = useState(false);
  const [started, setStarted] = useState<PlenaryStartResult | null>(null);
  const [startFailure, setStartFailure] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [sent, setSent] = useState('');
  const notice = useSubmit(plenaryNoticeRequestSchema, (input) => sendPlenaryNotice(csrfToken, eventId, input));

  const start = async () => {
    setStarting(true);
    setStartFailure(null);
    try {
      setStarted(await startAllTables(csrfToken, eventId));
    } catch (error) {
      setStartFailure(error instanceof ApiFailure ? error.message : t('error.generic'));
    } finally {
      setStarting(false);
    }
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setSent('');
    const answer = await notice.submit({ text });
    if (!answer) return;
    setText('');
    setSent(t('plenary.notice.sent', { tables: answer.tables }));
  };

  return (
    <section className="stl-list plenary-controls" aria-labelledby="plenary-commands-title">
      <h2 id="plenary-commands-title">{t('plenary.commands')}</h2>
      <p>
        <button type="button" className="primary" onClick={() => void start()} disabled={starting}>
          {starting ? t('plenary.starting') : t('plenary.start')}
        </button>
      </p>
      <div role="status">
        {started && (
          <>
            <p>{t('plenary.started', { started: started.tables.filter((table) => table.started).length })}</p>
            <ul>
              {started.tables
                .filter((table) => !table.started)
                .map((table) => (
                  <li key={table.number}>
                    {t('plenary.notStarted', { table: table.number, reason: table.message ?? '' })}
                  </li>
                ))}
            </ul>
          </>
        )}
      </div>
      {startFailure && (
        <p className="form-error" role="alert">
          {startFailure}
        </p>
      )}
      <form className="plenary-notice" onSubmit={(e) => void send(e)} noValidate>
        <TextAreaField
          label={t('plenary.notice.label')}
          hint={t('plenary.notice.hint')}
          value={text}
          maxLength={PLENARY_NOTICE_MAX}
          rows={2}
          onChange={(e) => setText(e.target.value)}
          error={notice.errors.text}
        />
        {notice.failure && (
          <p className="form-error" role="alert">
            {notice.failure}
          </p>
        )}
        <button type="submit" disabled={notice.busy}>
          {notice.busy ? t('plenary.notice.sending') : t('plenary.notice.submit')}
        </button>
        <p role="status">{sent}</p>
      </form>
    </section>
  );
}
