import { lazy, useEffect } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { prefetchBoardView } from './api/board';
import { Home } from './features/home/Home';
import { MesaRoute } from './features/mesa/MesaRoute';
import { t } from './i18n/t';
import { entityParam, mesaParam, PATHS, versionParams } from './routes';
import { CodeBoundary } from './ui/CodeBoundary';
import { NotFound } from './ui/NotFound';

// Pages a mesa's participants never open load on demand, so the mesa page downloads only what it uses.
const VersionPrint = lazy(() =>
  import('./features/versionPrint/VersionPrint').then((module) => ({ default: module.VersionPrint })),
);
const StlRoute = lazy(() => import('./features/stl/StlRoute').then((module) => ({ default: module.StlRoute })));
const RegistrationPage = lazy(() =>
  import('./features/registration/RegistrationPage').then((module) => ({ default: module.RegistrationPage })),
);
const OwnRegistrationPage = lazy(() =>
  import('./features/registration/OwnRegistrationPage').then((module) => ({ default: module.OwnRegistrationPage })),
);
const PlanDocument = lazy(() =>
  import('./features/planDocument/PlanDocument').then((module) => ({ default: module.PlanDocument })),
);
// The board's data is asked for as its code starts loading: both travel at once (see prefetchBoardView).
const Board = lazy(() => {
  prefetchBoardView(window.location.search);
  return import('./features/board/Board').then((module) => ({ default: module.Board }));
});
const CommitmentPage = lazy(() =>
  import('./features/board/CommitmentPage').then((module) => ({ default: module.CommitmentPage })),
);

/**
 * The places of the app, by the paths of {@link PATHS}; ids in a path are checked with the shared schemas, and a
 * path that is no page, or an id that cannot be one, gets the "not found" page. Moving between pages with the
 * app's links never reloads it.
 */
export function App() {
  const [path] = useLocation();
  // A page reached by a link starts at its top, as after a load; the browser keeps the position within a page.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);
  return (
    <CodeBoundary
      loading={
        <main className="page-center" aria-busy="true">
          <p className="loading">{t('loading.page')}</p>
        </main>
      }
    >
      <Switch>
        <Route path={PATHS.home} component={Home} />
        <Route path={PATHS.mesa}>
          {(params) => {
            const mesaId = mesaParam(params);
            // Keyed by the mesa, so opening another mesa starts from a clean state.
            return mesaId ? <MesaRoute key={mesaId} mesaId={mesaId} /> : <NotFound />;
          }}
        </Route>
        <Route path={PATHS.versionPrint}>
          {(params) => {
            const version = versionParams(params);
            return version ? <VersionPrint {...version} /> : <NotFound />;
          }}
        </Route>
        <Route path={PATHS.board} component={Board} />
        <Route path={PATHS.planDocument}>
          {(params) => {
            const planId = entityParam(params.planId);
            return planId ? <PlanDocument key={planId} planId={planId} /> : <NotFound />;
          }}
        </Route>
        <Route path={PATHS.boardCommitment}>
          {(params) => {
            const mesaId = mesaParam(params);
            return mesaId ? <CommitmentPage key={mesaId} mesaId={mesaId} /> : <NotFound />;
          }}
        </Route>
        <Route path={PATHS.eventRegistration}>
          {(params) => {
            const eventId = entityParam(params.eventId);
            return eventId ? <RegistrationPage key={eventId} eventId={eventId} /> : <NotFound />;
          }}
        </Route>
        <Route path={PATHS.ownRegistration}>
          {(params) => {
            const eventId = entityParam(params.eventId);
            return eventId ? <OwnRegistrationPage key={eventId} eventId={eventId} /> : <NotFound />;
          }}
        </Route>
        <Route path={PATHS.stlArea} component={StlRoute} />
        <Route component={NotFound} />
      </Switch>
    </CodeBoundary>
  );
}
