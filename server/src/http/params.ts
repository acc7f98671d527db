import { mesaIdSchema, versionNumberParamSchema, type CommitmentVersion, type Mesa } from '@cocrea/shared';
import type { CommitmentStore, MesaStore } from '../storage/Storage';
import { HttpError } from './HttpError';

/** The mesa a route's `:id` names, or a 404 (a malformed id names nothing). */
export async function findMesa(store: MesaStore, id: unknown): Promise<Mesa> {
  const mesa = typeof id === 'string' && mesaIdSchema.safeParse(id).success ? await store.getMesa(id) : null;
  if (!mesa) throw new HttpError(404, 'mesa_not_found', 'La mesa no existe.');
  return mesa;
}

/** The mesa and the saved version that a route's `:id` and `:number` name, or a 404. */
export async function findVersion(
  store: MesaStore & CommitmentStore,
  params: { id?: unknown; number?: unknown },
): Promise<{ mesa: Mesa; version: CommitmentVersion }> {
  const mesa = await findMesa(store, params.id);
  const number = versionNumberParamSchema.safeParse(params.number);
  const version = number.success ? await store.getCommitmentVersion(mesa.id, number.data) : null;
  if (!version) throw new HttpError(404, 'version_not_found', 'Esa versión del compromiso no existe.');
  return { mesa, version };
}
