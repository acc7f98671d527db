import { ID, Skip, type GC, type Item, type Struct } from './yjsInternals';

/** The update's own structs, by client and clock, so references within the update resolve without the doc. */
export class UpdateStructs {
  private readonly byClient = new Map<number, Struct[]>();

  constructor(structs: readonly Struct[]) {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
    // A decoded update lists each client's structs in clock order already; sorting keeps the search honest anyway.
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  /** The struct containing `id`, unless it is a Skip (a gap: the update does not have it). */
  find(id: ID): Item | GC | null {
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const struct = list[mid]!;
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct instanceof Skip ? null : struct;
    }
    return null;
  }

  /** Whether the update's own (non-Skip) structs of `client` cover every clock in [from, to). */
  covers(client: number, from: number, to: number): boolean {
    let cursor = from;
    while (cursor < to) {
      const struct = this.find(new ID(client, cursor));
      if (struct === null) return false;
      cursor = struct.id.clock + struct.length;
    }
    return true;
  }
}
