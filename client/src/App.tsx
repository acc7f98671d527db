import { Home } from './features/home/Home';
import { MesaRoute } from './features/mesa/MesaRoute';

/** Two places: a mesa (`/mesa/<id>`, opened from a capability link) and the home page. */
export function App() {
  const match = /^\/mesa\/([A-Za-z0-9_-]+)\/?$/.exec(window.location.pathname);
  return match ? <MesaRoute mesaId={match[1]!} /> : <Home />;
}
