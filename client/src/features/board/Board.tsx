import { THEMES, type PublicCommitment, type Theme } from '@cocrea/shared';
import { BOARD_DATA_LINKS } from '../../api/board';
import { t } from '../../i18n/t';
import { PublicCommitmentView } from './PublicCommitmentView';
import { useBoard } from './useBoard';
import { LoadFailure } from '../../ui/LoadFailure';

/** Published commitments by theme, in the plan's order of themes (the server sorts them so). */
function byTheme(commitments: readonly PublicCommitment[]): [Theme, PublicCommitment[]][] {
  const groups = new Map<Theme, PublicCommitment[]>();
  for (const c of commitments) groups.set(c.theme, [...(groups.get(c.theme) ?? []), c]);
  return [...groups];
}

/**
 * `/tablero`, the Tablero Público de Seguimiento: every commitment the STL published, by theme, with the progress
 * of its activities. No login; its data is open (JSON, CSV, CC BY 4.0).
 */
export function Board() {
  const { state, reload } = useBoard();
  return (
    <div className="board">
      <header className="board-header">
        <div className="brand" aria-hidden="true">
          {t('app.name')}
        </div>
        <div>
          <p className="eyebrow">{t('board.eyebrow')}</p>
          <h1>{t('board.title')}</h1>
        </div>
      </header>
      <main className="board-main" id="contenido" aria-busy={state.status === 'loading'}>
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
        {state.status === 'loading' && <p className="loading">{t('board.loading')}</p>}
        {state.status === 'error' && <LoadFailure message={state.message} onRetry={reload} />}
        {state.status === 'ready' && state.board.commitments.length === 0 && (
          <p className="empty">{t('board.empty')}</p>
        )}
        {state.status === 'ready' &&
          byTheme(state.board.commitments).map(([theme, commitments]) => (
            <section key={theme} className="board-theme" aria-labelledby={`tema-${theme}`}>
              <h2 id={`tema-${theme}`}>{THEMES[theme]}</h2>
              {commitments.map((c) => (
                <PublicCommitmentView key={c.mesaId} commitment={c} />
              ))}
            </section>
          ))}
      </main>
    </div>
  );
}
