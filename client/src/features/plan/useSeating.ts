import { useCallback, useEffect, useState } from 'react';
import type { Seating } from '@cocrea/shared';
import { fetchSeating } from '../../api/plan';
import { ApiFailure } from '../../api/request';
import { t } from '../../i18n/t';

const failureOf = (error: unknown) => (error instanceof ApiFailure ? error.message : t('error.generic'));

/**
 * An event's tables as the server has them. Every seating change answers the whole seating, which replaces what
 * is shown; `change` runs one, keeps the board busy meanwhile, says its failure and announces what it did.
 */
export function useSeating(eventId: string, onChanged: () => void) {
  const [seating, setSeating] = useState<Seating | null>(null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const reload = useCallback(() => {
    fetchSeating(eventId).then(
      (answer) => {
        setSeating(answer);
        setLoadFailure(null);
      },
      (error: unknown) => setLoadFailure(failureOf(error)),
    );
  }, [eventId]);
  useEffect(reload, [reload]);

  async function change(action: () => Promise<Seating>, announce: (after: Seating) => string) {
    setBusy(true);
    setFailure(null);
    try {
      const after = await action();
      setSeating(after);
      setAnnouncement(announce(after));
      onChanged();
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  }

  return { seating, loadFailure, reload, busy, failure, announcement, change };
}
