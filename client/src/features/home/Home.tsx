import { Link } from 'wouter';
import { t } from '../../i18n/t';
import { PATHS } from '../../routes';

/** The home page: how to enter a mesa, and where the board and the STL's area are. */
export function Home() {
  return (
    <main className="page-center">
      <div className="card">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('app.tagline')}</p>
        <p>{t('home.body')}</p>
        <p>
          {t('home.board')} <Link href={PATHS.board}>{t('home.boardLink')}</Link>.
        </p>
        <p className="muted">
          {t('home.stl')} <Link href={PATHS.stlLogin}>{t('home.stlLink')}</Link>
        </p>
      </div>
    </main>
  );
}
