import { t } from '../../i18n/t';

export function Home() {
  return (
    <main className="page-center">
      <div className="card">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('app.tagline')}</p>
        <p>{t('home.body')}</p>
        <p>
          {t('home.board')} <a href="/tablero">{t('home.boardLink')}</a>.
        </p>
        <p className="muted">
          {t('home.stl')} <a href="/stl">{t('home.stlLink')}</a>
        </p>
      </div>
    </main>
  );
}
