import * as decoding from 'lib0/decoding';
import { MessageType, SyncType } from '@cocrea/shared';

/** Whether a frame the provider sends carries document changes (sync step 2 or update): what the server acks. */
export function isUpdateFrame(data: unknown): boolean {
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
  if (bytes === null || bytes.length < 2) return false;
  const decoder = decoding.createDecoder(bytes);
  if (decoding.readVarUint(decoder) !== MessageType.sync) return false;
  const syncType = decoding.readVarUint(decoder);
  return syncType === SyncType.step2 || syncType === SyncType.update;
}
