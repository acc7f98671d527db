/**
 * Seating a co-creation event's registrants at tables that interleave sectors (methodology §3.2, Etapa 0: "se
 * integran mesas con un promedio de 5 a 10 personas […] intercalando a los asistentes"). Pure functions over ids:
 * the server stores what they return, the client previews it.
 */

/** What seating needs to know of a registrant. */
export interface Seatable {
  id: string;
  sector: string;
  /** People of one organisation are spread over tables as far as their sector's share allows. */
  organization?: string | undefined;
}

/** The bounds of a table's size, both inclusive. */
export interface TableSize {
  minSize: number;
  maxSize: number;
}

/** Tables of registrant ids: `tables[i]` is "Mesa i + 1". */
export type Tables = string[][];

/**
 * How many tables `count` people make: the fewest that keep every table within `maxSize` (one facilitator per
 * table is the scarce resource), at least one for one person or more. When any split of `count` into tables of
 * `minSize` to `maxSize` exists, this one is such a split (tables of balanced sizes then fit both bounds); when none
 * does, `maxSize` (the room) holds and `minSize` gives way.
 */
export function tableCount(count: number, { maxSize }: TableSize): number {
  return count === 0 ? 0 : Math.ceil(count / maxSize);
}

/**
 * Seats `registrants` at tables, interleaving sectors.
 *
 * Contract:
 * - **Everyone once**: every registrant's id appears in exactly one table; no other id appears. Ids must be
 *   distinct (a repeated id throws a `RangeError`).
 * - **Sizes**: `k = ⌈n / maxSize⌉` tables (none for no registrants), of sizes ⌊n/k⌋ or ⌈n/k⌉. Whenever some split
 *   of `n` people into tables of `minSize` to `maxSize` exists, every table is within those bounds. When none
 *   exists, no table exceeds `maxSize` and some are smaller than `minSize`: fewer than `minSize` people make one
 *   table of all of them; a number that no split satisfies (say 7 with tables of exactly 5) makes tables as even
 *   as possible (4 and 3).
 * - **Sector balance**: for every sector with `c` people, each table holds ⌊c/k⌋ or ⌈c/k⌉ of them.
 * - **Organisations**: within a sector, people of one organisation go to different tables while the sector's share
 *   allows (best effort, no guarantee across sectors).
 * - **Deterministic**: the result depends only on the set of registrants (ids, sectors, organisations), not on
 *   their order in the input nor on any clock or randomness.
 * - `minSize` and `maxSize` are whole numbers with `1 ≤ minSize ≤ maxSize`; otherwise a `RangeError`.
 *
 * How: registrants are ordered by sector (largest first), organisation and id, then dealt round-robin over the
 * tables, the deal continuing from one sector to the next. A sector's `c` people are `c` consecutive deals, so
 * they land on `c` consecutive tables (mod k): ⌊c/k⌋ or ⌈c/k⌉ each; the whole deal gives sizes ⌊n/k⌋ or ⌈n/k⌉.
 */
export function formTables(registrants: readonly Seatable[], size: TableSize): Tables {
  checkSize(size);
  const ids = new Set<string>();
  for (const r of registrants) {
    if (ids.has(r.id)) throw new RangeError(`Registro repetido: ${r.id}`);
    ids.add(r.id);
  }
  const k = tableCount(registrants.length, size);
  const tables: Tables = Array.from({ length: k }, () => []);
  dealingOrder(registrants).forEach((r, i) => tables[i % k]!.push(r.id));
  return tables;
}

/** Sectors largest first (ties by name), then organisation, then id: the order {@link formTables} deals in. */
function dealingOrder(registrants: readonly Seatable[]): Seatable[] {
  const perSector = new Map<string, number>();
  for (const r of registrants) perSector.set(r.sector, (perSector.get(r.sector) ?? 0) + 1);
  return [...registrants].sort(
    (a, b) =>
      perSector.get(b.sector)! - perSector.get(a.sector)! ||
      compare(a.sector, b.sector) ||
      compare(a.organization ?? '', b.organization ?? '') ||
      compare(a.id, b.id),
  );
}

/** Code-unit order: the same everywhere, unlike `localeCompare`. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkSize({ minSize, maxSize }: TableSize): void {
  if (!Number.isInteger(minSize) || !Number.isInteger(maxSize) || minSize < 1 || minSize > maxSize) {
    throw new RangeError(`Tamaño de mesa inválido: ${minSize}–${maxSize}`);
  }
}

/**
 * The table (index) at which a late arrival of `sector` best keeps the balance: among tables below `maxSize`
 * (all tables if every one is full), the one with the fewest people of that sector, then the fewest people, then
 * the lowest number. -1 when there are no tables. `sectorOf` names each seated id's sector.
 */
export function bestTableFor(
  tables: Tables,
  sector: string,
  sectorOf: (id: string) => string | undefined,
  { maxSize }: Pick<TableSize, 'maxSize'>,
): number {
  const open = tables.some((t) => t.length < maxSize);
  let best = -1;
  let bestKey: [number, number] = [Infinity, Infinity];
  tables.forEach((table, i) => {
    if (open && table.length >= maxSize) return;
    const same = table.filter((id) => sectorOf(id) === sector).length;
    if (same < bestKey[0] || (same === bestKey[0] && table.length < bestKey[1])) {
      best = i;
      bestKey = [same, table.length];
    }
  });
  return best;
}

/** Seats `registrant` at the table {@link bestTableFor} picks; a new first table if there is none. Pure. */
export function seatLateArrival(
  tables: Tables,
  registrant: Seatable,
  sectorOf: (id: string) => string | undefined,
  size: Pick<TableSize, 'maxSize'>,
): Tables {
  if (tables.some((t) => t.includes(registrant.id))) throw new RangeError(`Ya tiene lugar: ${registrant.id}`);
  const index = bestTableFor(tables, registrant.sector, sectorOf, size);
  if (index === -1) return [[registrant.id]];
  return tables.map((t, i) => (i === index ? [...t, registrant.id] : [...t]));
}

/** Moves `id` to table `to` (an index), at its end. Pure; throws a `RangeError` if `id` is not seated or `to` is no table. */
export function moveSeat(tables: Tables, id: string, to: number): Tables {
  if (!Number.isInteger(to) || to < 0 || to >= tables.length) throw new RangeError(`No hay mesa ${to + 1}`);
  if (!tables.some((t) => t.includes(id))) throw new RangeError(`Sin lugar: ${id}`);
  return tables.map((t, i) => {
    const rest = t.filter((x) => x !== id);
    return i === to ? [...rest, id] : rest;
  });
}

/**
 * Re-forms tables keeping locked seats: each id of `locked` stays at its table (index); everyone else is seated
 * again, in {@link formTables}' dealing order, each at the table {@link bestTableFor} picks. The number of tables
 * is {@link tableCount}'s, or more if a locked seat is at a higher table. Locks can make the sector bound
 * unreachable, so this one is best effort; with no locks, the result is {@link formTables}'.
 */
export function reformTables(
  registrants: readonly Seatable[],
  size: TableSize,
  locked: ReadonlyMap<string, number>,
): Tables {
  if (locked.size === 0) return formTables(registrants, size);
  checkSize(size);
  const byId = new Map(registrants.map((r) => [r.id, r]));
  const highestLocked = Math.max(...locked.values());
  const k = Math.max(tableCount(registrants.length, size), highestLocked + 1);
  const tables: Tables = Array.from({ length: k }, () => []);
  for (const r of registrants) {
    const at = locked.get(r.id);
    if (at !== undefined) tables[at]!.push(r.id);
  }
  const sectorOf = (id: string) => byId.get(id)?.sector;
  for (const r of dealingOrder(registrants)) {
    if (locked.has(r.id)) continue;
    tables[bestTableFor(tables, r.sector, sectorOf, size)]!.push(r.id);
  }
  return tables;
}

/**
 * Whether every sector is within {@link formTables}' bound at every table: ⌊share⌋ or ⌈share⌉ of its people, share
 * being its seated count divided by the number of tables. Moves and late arrivals may break it; the STL sees it.
 */
export function isSectorBalanced(tables: Tables, sectorOf: (id: string) => string | undefined): boolean {
  const perSector = new Map<string, number[]>();
  tables.forEach((table, i) => {
    for (const id of table) {
      const sector = sectorOf(id) ?? '';
      if (!perSector.has(sector)) perSector.set(sector, new Array<number>(tables.length).fill(0));
      perSector.get(sector)![i]! += 1;
    }
  });
  for (const counts of perSector.values()) {
    const share = counts.reduce((a, b) => a + b, 0) / tables.length;
    if (counts.some((c) => c < Math.floor(share) || c > Math.ceil(share))) return false;
  }
  return true;
}
