import { useId, useState } from 'react';
import { Link } from 'wouter';
import { REVIEW_STATUSES, REVIEW_STATUS_LABELS, THEMES, versionStageLabel, type StlSession } from '@cocrea/shared';
import { formatInstant } from '../../i18n/dates';
import { t } from '../../i18n/t';
import { reviewVersionPath } from '../../routes';
import { StlLayout } from '../../ui/StlLayout';
import { useStlMesas } from '../../api/useStlMesas';
import { type InboxFilters } from '../../api/review';
import { StatusBadge } from './StatusBadge';
import { useReviewInbox } from './useReviewInbox';
import { LoadFailure } from '../../ui/LoadFailure';

interface ReviewInboxProps {
  session: StlSession;
  onLoggedOut(): void;
}

/** `/stl/revision`: every version the mesas saved, newest first, filtered by theme, mesa and status. */
export function ReviewInbox({ session, onLoggedOut }: ReviewInboxProps) {
  const id = useId();
  const [filters, setFilters] = useState<InboxFilters>({ theme: '', mesa: '', status: '' });
  const { state, reload } = useReviewInbox(filters);
  const mesas = useStlMesas().state;
  const choose = (key: keyof InboxFilters) => (event: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [key]: event.target.value }));

  return (
    <StlLayout title={t('review.inbox.title')} session={session} current="revision" onLoggedOut={onLoggedOut}>
      <form className="review-filters" aria-labelledby={`${id}-filters`} onSubmit={(e) => e.preventDefault()}>
        <h2 id={`${id}-filters`} className="visually-hidden">
          {t('review.inbox.filters')}
        </h2>
        <div>
          <label htmlFor={`${id}-theme`}>{t('review.inbox.theme')}</label>
          <select id={`${id}-theme`} value={filters.theme} onChange={choose('theme')}>
            <option value="">{t('review.inbox.any')}</option>
            {Object.entries(THEMES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-mesa`}>{t('review.inbox.mesa')}</label>
          <select id={`${id}-mesa`} value={filters.mesa} onChange={choose('mesa')}>
            <option value="">{t('review.inbox.anyMesa')}</option>
            {mesas.status === 'ready' &&
              mesas.mesas.map((mesa) => (
                <option key={mesa.id} value={mesa.id}>
                  {mesa.title}
                </option>
              ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-status`}>{t('review.inbox.status')}</label>
          <select id={`${id}-status`} value={filters.status} onChange={choose('status')}>
            <option value="">{t('review.inbox.any')}</option>
            {REVIEW_STATUSES.map((status) => (
              <option key={status} value={status}>
                {REVIEW_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
      </form>

      <section className="stl-list" aria-labelledby={`${id}-list`} aria-busy={state.status === 'loading'}>
        <h2 id={`${id}-list`}>{t('review.inbox.versions')}</h2>
        <p className="visually-hidden" role="status">
          {state.status === 'ready' && t('review.inbox.count', { count: state.versions.length })}
        </p>
        {state.status === 'loading' && <p className="loading">{t('review.inbox.loading')}</p>}
        {state.status === 'error' && <LoadFailure message={state.message} onRetry={reload} />}
        {state.status === 'ready' && state.versions.length === 0 && (
          <p className="empty">
            {Object.values(filters).some(Boolean) ? t('review.inbox.noMatch') : t('review.inbox.empty')}
          </p>
        )}
        {state.status === 'ready' && state.versions.length > 0 && (
          <div className="table-scroll">
            <table className="review-table">
              <caption className="visually-hidden">{t('review.inbox.versions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('review.inbox.mesa')}</th>
                  <th scope="col">{t('review.inbox.version')}</th>
                  <th scope="col">{t('review.inbox.theme')}</th>
                  <th scope="col">{t('review.inbox.savedAt')}</th>
                  <th scope="col">{t('review.inbox.status')}</th>
                  <th scope="col">{t('review.inbox.observations')}</th>
                </tr>
              </thead>
              <tbody>
                {state.versions.map((v) => (
                  <tr key={`${v.mesaId}-${v.number}`}>
                    <th scope="row">{v.mesaTitle}</th>
                    <td>
                      <Link
                        href={reviewVersionPath(v.mesaId, v.number)}
                        aria-label={t('review.inbox.open', { number: v.number, title: v.mesaTitle })}
                      >
                        {t('review.inbox.versionNumber', { number: v.number })}
                      </Link>
                    </td>
                    <td>{THEMES[v.theme]}</td>
                    <td>
                      {formatInstant(v.savedAt)}
                      <br />
                      <span className="muted">{versionStageLabel(v.stage)}</span>
                    </td>
                    <td>
                      <StatusBadge status={v.status} />
                    </td>
                    <td>{v.observationCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </StlLayout>
  );
}
