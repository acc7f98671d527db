import { t } from '../../i18n/t';
import { useNotices, type NoticeSource } from './useNotices';

/**
 * What just happened to the mesa's versions, as short notices in a corner that never take the focus or block the
 * page. The region is polite and always present, so screen readers announce each notice as it is added; it wraps
 * the list (a list given the status role would leave its items without a list).
 */
export function Notices({ source }: { source: NoticeSource | null }) {
  const { notices, dismiss } = useNotices(source);
  return (
    <section className="notices" aria-label={t('notice.region')}>
      <div role="status" aria-live="polite" aria-relevant="additions text">
        <ul>
          {notices.map((notice) => (
            <li key={notice.id} className="notice">
              <span>{notice.text}</span>
              <button
                type="button"
                className="notice-dismiss"
                aria-label={t('notice.dismiss')}
                onClick={() => dismiss(notice.id)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
