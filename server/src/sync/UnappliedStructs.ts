import type * as Y from 'yjs';
import { UNKNOWN, docStructs, type KnownStructs, type Placement, type PlacedStruct, type Root } from './areaLocks';
import type { ID } from './yjsInternals';

/**
 * A room's document with the updates it stored but has not applied yet (`Room.ts` applies them in batches) placed
 * beside it, as the checks of those updates placed them: what the next update's check would read of the document
 * with them applied. Applying each update before checking the next one cost more than both (a Yjs transaction's
 * own bookkeeping), so the room checks against this instead.
 *
 * It can only say more than the applied document would: Yjs garbage-collects what a deleted nested type held, so a
 * struct inside a type that an unapplied update deleted lands nowhere once applied, while here it still names its
 * root. So what a check against this accepts, a check against the applied document accepts too; the room decides
 * anything else against the applied document (`unappliedStructs.test.ts` checks both).
 */
export class UnappliedStructs implements KnownStructs {
  private readonly doc: KnownStructs;
  /** Each client's unapplied structs, in clock order. */
  private readonly byClient = new Map<number, PlacedStruct[]>();
  private complete = true;

  constructor(doc: Y.Doc) {
    this.doc = docStructs(doc);
  }

  /** Whether every unapplied update is here: one that could not be placed, or came without a check, is not. */
  get usable(): boolean {
    return this.complete;
  }

  /** An update stored after those already here, with where its check placed it (null: it was not checked here). */
  add(placement: Placement | null): void {
    if (placement === null || !placement.placed) {
      this.complete = false;
      return;
    }
    for (const struct of placement.added) {
      const list = this.byClient.get(struct.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.client, [struct]);
    }
  }

  /** The updates were applied to the document. */
  clear(): void {
    this.byClient.clear();
    this.complete = true;
  }

  clockOf(client: number): number {
    const last = this.byClient.get(client)?.at(-1);
    const applied = this.doc.clockOf(client);
    return last === undefined ? applied : Math.max(applied, last.clock + last.length);
  }

  rootAt(id: ID): Root {
    if (id.clock < this.doc.clockOf(id.client)) return this.doc.rootAt(id);
    const list = this.byClient.get(id.client) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const struct = list[i]!;
      if (struct.clock <= id.clock && id.clock < struct.clock + struct.length) return struct.root;
    }
    // Not reached while `id` is below `clockOf`, as callers ensure (unapplied structs leave no gap); if it were, the
    // update could not be placed, and the room would check it against the applied document.
    return UNKNOWN;
  }

  addRange(client: number, from: number, to: number, roots: Set<Root>): boolean {
    const applied = this.doc.clockOf(client);
    if (from < applied && !this.doc.addRange(client, from, Math.min(to, applied), roots)) return false;
    for (const struct of this.byClient.get(client) ?? []) {
      const overlaps = struct.clock < to && struct.clock + struct.length > Math.max(from, applied);
      // Structs that land in garbage-collected content are garbage-collected themselves once applied.
      if (overlaps && struct.root !== null) roots.add(struct.root);
    }
    return true;
  }
}
