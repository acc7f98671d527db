import { useCallback, useMemo, useState } from 'react';
import type { PlanOpenData } from '@cocrea/shared';
import { planDataLinks } from '../../api/planDocument';
import { t } from '../../i18n/t';
import { LoadFailure } from '../../ui/LoadFailure';
import { PagedDocument } from './PagedDocument';
import { planDocumentFlows } from './planDocumentFlows';
import { usePlanDocument } from './usePlanDocument';

/**
 * `/planes/<id>/documento`: the Plan's document, public, laid out on A4 pages; "Imprimir" gives its PDF through
 * the browser, and its data downloads as JSON and CSV (CC BY 4.0). `data-pages` says how many pages it has once it
 * is laid out, for whoever prints it from a script.
 */
export function PlanDocument({ planId }: { planId: string }) {
  const { state, reload } = usePlanDocument(planId);
  const [pages, setPages] = useState<number | null>(null);
  const onLaidOut = useCallback((count: number) => setPages(count), []);
  switch (state.status) {
    case 'loading':
      return (
        <main className="page-center" aria-busy="true">
          <p className="loading">{t('planDocument.loading')}</p>
        </main>
      );
    case 'error':
      return (
        <main className="page-center">
          <div className="card">
            <h1>{t('planDocument.error')}</h1>
            <LoadFailure message={state.message} onRetry={reload} />
          </div>
        </main>
      );
    case 'ready':
      return (
        <main className="plan-doc" aria-busy={pages === null} data-pages={pages ?? undefined}>
          <DocumentActions planId={planId} />
          {state.data.commitments.length === 0 ? (
            <div className="card plan-doc-empty">
              <h1>{state.data.plan.title}</h1>
              <p className="empty">{t('planDocument.empty')}</p>
            </div>
          ) : (
            <Pages data={state.data} onLaidOut={onLaidOut} />
          )}
        </main>
      );
  }
}

function Pages({ data, onLaidOut }: { data: PlanOpenData; onLaidOut(pages: number): void }) {
  const flows = useMemo(() => planDocumentFlows(data), [data]);
  return (
    // Focusable: on a phone the A4 pages are wider than the screen and scroll sideways.
    <div className="plan-doc-pages" tabIndex={0} role="region" aria-label={t('planDocument.pages')}>
      <PagedDocument flows={flows} onLaidOut={onLaidOut} />
    </div>
  );
}

/** Print, and the open data. Hidden on paper. */
function DocumentActions({ planId }: { planId: string }) {
  const links = planDataLinks(planId);
  return (
    <nav className="print-actions" aria-label={t('print.actions')}>
      <button type="button" className="primary" onClick={() => window.print()}>
        {t('print.print')}
      </button>
      <a href={links.json} download>
        {t('planDocument.json')}
      </a>
      <a href={links.csv} download>
        {t('planDocument.csv')}
      </a>
      <a href={links.dictionary}>{t('board.data.dictionary')}</a>
    </nav>
  );
}
