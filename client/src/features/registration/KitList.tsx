import { KIT_MEDIA_TYPES, type KitItem } from '@cocrea/shared';
import { downloadKitFile } from '../../api/registration';
import { t } from '../../i18n/t';
import { useAction } from '../stl/useAction';
import { formatSize } from './formatSize';

/** The participant kit: documents to download (with the registration's secret) and links. */
export function KitList({ items, token, eventId }: { items: KitItem[]; token: string; eventId: string }) {
  const { busy, failure, act } = useAction();
  if (items.length === 0) return <p className="muted">{t('kit.empty')}</p>;
  return (
    <>
      <ul className="kit">
        {items.map((item) => (
          <li key={item.id}>
            {item.kind === 'file' ? (
              <>
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  onClick={() => void act(() => downloadKitFile(token, eventId, item))}
                >
                  {item.title}
                </button>
                <span className="muted">
                  {' '}
                  {t('kit.fileMeta', { type: KIT_MEDIA_TYPES[item.mediaType], size: formatSize(item.size) })}
                </span>
              </>
            ) : (
              <a href={item.url} target="_blank" rel="noreferrer noopener">
                {item.title}
              </a>
            )}
          </li>
        ))}
      </ul>
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
