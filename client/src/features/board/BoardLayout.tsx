import type { ReactNode } from 'react';
import { t } from '../../i18n/t';

/** The public board's frame: its header and main landmark, shared by the board and each commitment's page. */
export function BoardLayout({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <div className="board">
      <header className="board-header">
        <div className="brand" aria-hidden="true">
          {t('app.name')}
        </div>
        {/* The page's h1 names the board: on a phone, a second name here would only push it down. */}
        <p className="eyebrow">{t('board.eyebrow')}</p>
      </header>
      <main className="board-main" id="contenido" aria-busy={busy}>
        {children}
      </main>
    </div>
  );
}
