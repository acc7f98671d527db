import { useLoaded } from '../../api/useLoaded';
import { listMesas } from './stlApi';

/** The STL's list of mesas with their attendance; `reload` refreshes it in place after a change. */
export const useStlMesas = () => useLoaded(listMesas, 'stl.mesas.error');
