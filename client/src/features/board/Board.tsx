import { Link, useLocation, useSearch } from 'wouter';
import { THEMES, type BoardQuery, type PublicCommitment, type Theme } from '@cocrea/shared';
import { BOARD_DATA_LINKS, boardQueryString, parseBoardQuery } from '../../api/board';
import { t } from '../../i18n/t';
import { PATHS } from '../../routes';
import { LoadFailure } from '../../ui/LoadFailure';
import { BoardLayout } from './BoardLayout';
import { BoardSearch } from './BoardSearch';
import { BoardSummary } from './BoardSummary';
import { CommitmentCard } from './CommitmentCard';
import { useBoardView } from './useBoardView';

/** Commitments by theme, in the order they come (the server sorts them by the plan's themes). */
function byTheme(commitments: readonly PublicCommitment[]): [Theme, PublicCommitment[]][] {
  const groups = new Map<Theme, PublicCommitment[]>();
  for (const c of commitments) groups.set(c.theme, [...(groups.get(c.theme) ?? []), c]);
  return [...groups];
}

/**
 * `/tablero`, the Tablero Público de Seguimiento: a summary per plan and theme, a search with filters (kept in the
 * address, so a search can be shared), and the commitments found, twenty a page, each with its progress, every
 * activity's progress and evidence, and its cronograma. No login; its data is open (JSON, CSV, CC BY 4.0).
 */
export function Board() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = parseBoardQuery(search);
  const { state, reload } = useBoardView(query);
  const view = state.view;
  const go = (next: BoardQuery) => {
    const qs = boardQueryString(next);
    navigate(qs ? `${PATHS.board}?${qs}` : PATHS.board);
  };
  const pageHref = (page: number) => {
    const qs = boardQueryString({ ...query, page });
    return qs ? `${PATHS.board}?${qs}` : PATHS.board;
  };
  return (
    <BoardLayout busy={state.status === 'loading'}>
      <h1>{t('board.title')}</h1>
      <p className="lead">{t('board.intro')}</p>
      <aside className="board-data" aria-labelledby="datos-abiertos">
        <h2 id="datos-abiertos">{t('board.data.title')}</h2>
        <p>
          {t('board.data.body')} <a href={BOARD_DATA_LINKS.json}>{t('board.data.json')}</a> ·{' '}
          <a href={BOARD_DATA_LINKS.csv}>{t('board.data.csv')}</a> ·{' '}
          <a href={BOARD_DATA_LINKS.dictionary}>{t('board.data.dictionary')}</a>
        </p>
        <p className="muted">
          {t('board.data.license')}{' '}
          <a href="https://creativecommons.org/licenses/by/4.0/deed.es" rel="license">
            {t('board.data.licenseName')}
          </a>
        </p>
      </aside>
      {state.status === 'loading' && !view && <p className="loading">{t('board.loading')}</p>}
      {state.status === 'error' && <LoadFailure message={state.message} onRetry={reload} />}
      {view && view.summary.length === 0 && <p className="empty">{t('board.empty')}</p>}
      {view && view.summary.length > 0 && (
        <>
          <BoardSummary summary={view.summary} />
          <BoardSearch
            key={boardQueryString({ ...query, page: 1 })}
            query={query}
            plans={view.plans}
            institutions={view.institutions}
            onSearch={go}
          />
          <p className="board-results" role="status">
            {t('board.results', { total: view.total })}
            {view.total > 0 && <> {t('board.results.page', { page: view.page, pageCount: view.pageCount })}</>}
          </p>
          {byTheme(view.commitments).map(([theme, commitments]) => (
            <section key={theme} className="board-theme" aria-labelledby={`tema-${theme}`}>
              <h2 id={`tema-${theme}`}>{THEMES[theme]}</h2>
              {commitments.map((c) => (
                <CommitmentCard key={c.mesaId} commitment={c} today={view.today} />
              ))}
            </section>
          ))}
          {view.pageCount > 1 && (
            <nav className="board-pages" aria-label={t('board.pages')}>
              <ul>
                {view.page > 1 && (
                  <li>
                    <Link href={pageHref(view.page - 1)}>{t('board.page.previous')}</Link>
                  </li>
                )}
                {Array.from({ length: view.pageCount }, (_, i) => i + 1).map((page) => (
                  <li key={page}>
                    <Link
                      href={pageHref(page)}
                      aria-current={page === view.page ? 'page' : undefined}
                      aria-label={t('board.page.number', { page })}
                    >
                      {page}
                    </Link>
                  </li>
                ))}
                {view.page < view.pageCount && (
                  <li>
                    <Link href={pageHref(view.page + 1)}>{t('board.page.next')}</Link>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </>
      )}
    </BoardLayout>
  );
}
