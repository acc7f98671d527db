import { Link } from 'wouter';
import { t } from '../i18n/t';
import { PATHS } from '../routes';

/** A path the app has no page for, or whose id cannot be one of ours (a link cut short, say). */
export function NotFound() {
  return (
    <main className="page-center">
      <div className="card" role="alert">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <p>
          <Link href={PATHS.home}>{t('notFound.home')}</Link>
        </p>
      </div>
    </main>
  );
}
