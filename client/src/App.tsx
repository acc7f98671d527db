import { lazy, Suspense } from 'react';
import { Home } from './features/home/Home';
import { MesaRoute } from './features/mesa/MesaRoute';
import { t } from './i18n/t';

// Pages a mesa's participants never open load on demand, so the mesa page downloads only what it uses.
const VersionPrint = lazy(() =>
  import('./features/commitment/VersionPrint').then((module) => ({ default: module.VersionPrint })),
);
const StlRoute = lazy(() => import('./features/stl/StlRoute').then((module) => ({ default: module.StlRoute })));
const Board = lazy(() => import('./features/board/Board').then((module) => ({ default: module.Board })));

/**
 * The places of the app, by path: a mesa (`/mesa/<id>`, opened from a capability link), the printable view of one
 * of its saved commitment versions (`/mesa/<id>/compromiso/<n>`), the STL's pages (`/stl…`), the public board
 * (`/tablero`), and the home page.
 */
export function App() {
  return (
    <Suspense
      fallback={
        <main className="page-center" aria-busy="true">
          <p className="loading">{t('loading.page')}</p>
        </main>
      }
    >
      <Page path={window.location.pathname} />
    </Suspense>
  );
}

function Page({ path }: { path: string }) {
  const version = /^\/mesa\/([A-Za-z0-9_-]+)\/compromiso\/([1-9]\d{0,8})\/?$/.exec(path);
  if (version) return <VersionPrint mesaId={version[1]!} number={Number(version[2])} />;
  const mesa = /^\/mesa\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  if (mesa) return <MesaRoute mesaId={mesa[1]!} />;
  // The STL's pages (/stl, /stl/mesas, /stl/invitacion) move between themselves.
  if (/^\/stl(\/|$)/.test(path)) return <StlRoute />;
  if (/^\/tablero\/?$/.test(path)) return <Board />;
  return <Home />;
}
