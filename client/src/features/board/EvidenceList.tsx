import { evidenceTypeLabel, type PublicEvidence } from '@cocrea/shared';
import { t } from '../../i18n/t';
import { formatSize } from '../registration/formatSize';

/**
 * An activity's evidence: each link or file by its title (a file with its type and size, downloaded from this
 * site). Evidence recorded before it had titles is named by its position.
 */
export function EvidenceList({ evidence, position }: { evidence: readonly PublicEvidence[]; position: string }) {
  if (evidence.length === 0) return <p className="muted board-evidence-none">{t('board.noEvidence')}</p>;
  return (
    <ul className="board-evidence" aria-label={t('board.evidenceOf', { activity: position })}>
      {evidence.map((e, i) => (
        <li key={`${i}-${e.url}`}>
          {e.kind === 'link' ? (
            <a href={e.url} rel="noopener noreferrer external" target="_blank">
              {e.title || t('board.evidenceLink', { number: i + 1, activity: position })}
            </a>
          ) : (
            <>
              <a href={e.url} download={e.fileName}>
                {e.title}
              </a>{' '}
              <span className="muted">
                ({t('board.evidence.file', { type: evidenceTypeLabel(e.mediaType), size: formatSize(e.size) })})
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
