import { t } from '../../i18n/t';
import { PrintActions } from './PrintActions';
import { useVersionToPrint } from './useVersionToPrint';
import { VersionSheet } from './VersionSheet';

/**
 * `/mesa/<id>/compromiso/<n>`: one saved version of the commitment laid out for A4 paper; "Imprimir" gives a PDF
 * through the browser, and the version downloads as JSON or CSV.
 */
export function VersionPrint({ mesaId, number }: { mesaId: string; number: number }) {
  const { state, reload } = useVersionToPrint(mesaId, number);
  switch (state.status) {
    case 'loading':
      return (
        <main className="page-center" aria-busy="true">
          <p className="loading">{t('print.loading')}</p>
        </main>
      );
    case 'error':
      return (
        <main className="page-center">
          <div className="card" role="alert">
            <h1>{t('print.error')}</h1>
            <p>{state.message}</p>
            <button type="button" onClick={reload}>
              {t('error.retry')}
            </button>
          </div>
        </main>
      );
    case 'ready':
      return (
        <main className="print-page">
          <PrintActions version={state.version} />
          <VersionSheet version={state.version} mesa={state.mesa} />
        </main>
      );
  }
}
