import * as Y from 'yjs';
import { exportTreeJson, migrateDoc, type TreeJson } from '@cocrea/shared';
import { applyStored } from '../sync/Room';
import type { DocStore } from '../storage/Storage';

/**
 * A mesa's problem tree as its stored document holds it, content only (kinds, texts, structure; never who wrote
 * what). Read from storage, which every instance shares and which has every acknowledged edit, into a copy of the
 * document that is migrated in memory and thrown away: reading it never loads the mesa's room or writes its log.
 */
export async function storedTree(store: DocStore, mesaId: string): Promise<TreeJson> {
  const doc = new Y.Doc();
  try {
    applyStored(mesaId, doc, await store.loadDoc(mesaId));
    migrateDoc(doc);
    return exportTreeJson(doc);
  } finally {
    doc.destroy();
  }
}
