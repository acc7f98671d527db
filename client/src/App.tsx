import { Board } from './features/board/Board';
import { Home } from './features/home/Home';
import { VersionPrint } from './features/commitment/VersionPrint';
import { MesaRoute } from './features/mesa/MesaRoute';
import { StlRoute } from './features/stl/StlRoute';

/**
 * The places of the app, by path: a mesa (`/mesa/<id>`, opened from a capability link), the printable view of one
 * of its saved commitment versions (`/mesa/<id>/compromiso/<n>`), the STL's pages (`/stl…`), the public board
 * (`/tablero`), and the home page.
 */
export function App() {
  const path = window.location.pathname;
  const version = /^\/mesa\/([A-Za-z0-9_-]+)\/compromiso\/([1-9]\d{0,8})\/?$/.exec(path);
  if (version) return <VersionPrint mesaId={version[1]!} number={Number(version[2])} />;
  const mesa = /^\/mesa\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  if (mesa) return <MesaRoute mesaId={mesa[1]!} />;
  // The STL's pages (/stl, /stl/mesas, /stl/invitacion) move between themselves.
  if (/^\/stl(\/|$)/.test(path)) return <StlRoute />;
  if (/^\/tablero\/?$/.test(path)) return <Board />;
  return <Home />;
}
