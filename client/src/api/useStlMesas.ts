import { useLoaded } from './useLoaded';
import { listMesas } from './stl';

/** The STL's list of mesas with their attendance; `reload` refreshes it in place after a change. */
export const useStlMesas = () => useLoaded(listMesas, 'stl.mesas.error');
