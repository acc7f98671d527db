import { commitmentRows, toCsv, wellFormedJson, type CommitmentVersion } from '@cocrea/shared';
import { downloadText } from '../../files/download';
import { t } from '../../i18n/t';

/** Print (or save as PDF), and the version as JSON or as a CSV of its fields. Hidden on paper. */
export function PrintActions({ version }: { version: CommitmentVersion }) {
  const fileBase = `compromiso-${version.mesaId}-v${version.number}`;
  const downloadJson = () => downloadText(`${fileBase}.json`, 'application/json', wellFormedJson(version, 2));
  const downloadCsv = () =>
    downloadText(
      `${fileBase}.csv`,
      'text/csv;charset=utf-8',
      toCsv([[t('print.csv.field'), t('print.csv.value')], ...commitmentRows(version.commitment)]),
    );
  return (
    <nav className="print-actions" aria-label={t('print.actions')}>
      <button type="button" className="primary" onClick={() => window.print()}>
        {t('print.print')}
      </button>
      <button type="button" onClick={downloadJson}>
        {t('print.json')}
      </button>
      <button type="button" onClick={downloadCsv}>
        {t('print.csv')}
      </button>
    </nav>
  );
}
