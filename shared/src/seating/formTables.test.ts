import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestTableFor,
  formTables,
  isSectorBalanced,
  moveSeat,
  reformTables,
  seatLateArrival,
  tableCount,
  type Seatable,
  type Tables,
  type TableSize,
} from './formTables';

const SECTORS = ['servidor-publico', 'academia', 'sociedad-civil', 'comite-participacion-ciudadana', 'otro'];

/** `n` registrants with distinct ids, of the given sectors and a few organisations. */
const registrantsArb = (maxLength = 120) =>
  fc
    .array(
      fc.record({
        sector: fc.constantFrom(...SECTORS),
        organization: fc.constantFrom('A', 'B', 'C', 'D', undefined),
      }),
      { maxLength },
    )
    .map((rows) => rows.map((r, i): Seatable => ({ id: `r${String(i).padStart(4, '0')}`, ...r })));

const sizeArb = fc
  .tuple(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 10 }))
  .map(([minSize, extra]): TableSize => ({ minSize, maxSize: minSize + extra }));

/** Whether some number of tables splits `n` into tables of `minSize` to `maxSize` people. */
function splittable(n: number, { minSize, maxSize }: TableSize): boolean {
  for (let k = 1; k <= n; k++) if (k * minSize <= n && n <= k * maxSize) return true;
  return false;
}

function sectorCounts(tables: Tables, sectorOf: Map<string, string>): Map<string, number[]> {
  const counts = new Map<string, number[]>();
  tables.forEach((table, i) => {
    for (const id of table) {
      const sector = sectorOf.get(id)!;
      if (!counts.has(sector)) counts.set(sector, new Array<number>(tables.length).fill(0));
      counts.get(sector)![i]! += 1;
    }
  });
  return counts;
}

describe('formTables', () => {
  it('seats everyone exactly once', () => {
    fc.assert(
      fc.property(registrantsArb(), sizeArb, (registrants, size) => {
        const seated = formTables(registrants, size).flat();
        expect(seated.length).toBe(registrants.length);
        expect(new Set(seated)).toEqual(new Set(registrants.map((r) => r.id)));
      }),
    );
  });

  it('keeps every table between minSize and maxSize whenever some split of the registrants allows it', () => {
    fc.assert(
      fc.property(registrantsArb(), sizeArb, (registrants, size) => {
        fc.pre(splittable(registrants.length, size));
        for (const table of formTables(registrants, size)) {
          expect(table.length).toBeGreaterThanOrEqual(size.minSize);
          expect(table.length).toBeLessThanOrEqual(size.maxSize);
        }
      }),
    );
  });

  it('never exceeds maxSize, and tables differ in size by at most one, even when no split fits', () => {
    fc.assert(
      fc.property(registrantsArb(), sizeArb, (registrants, size) => {
        const tables = formTables(registrants, size);
        expect(tables.length).toBe(tableCount(registrants.length, size));
        const sizes = tables.map((t) => t.length);
        if (sizes.length === 0) return;
        expect(Math.max(...sizes)).toBeLessThanOrEqual(size.maxSize);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('gives every table the floor or the ceiling of each sector’s share', () => {
    fc.assert(
      fc.property(registrantsArb(), sizeArb, (registrants, size) => {
        const tables = formTables(registrants, size);
        const sectorOf = new Map(registrants.map((r) => [r.id, r.sector]));
        expect(isSectorBalanced(tables, (id) => sectorOf.get(id))).toBe(true);
        for (const [sector, perTable] of sectorCounts(tables, sectorOf)) {
          const share = registrants.filter((r) => r.sector === sector).length / tables.length;
          for (const count of perTable) {
            expect(count).toBeGreaterThanOrEqual(Math.floor(share));
            expect(count).toBeLessThanOrEqual(Math.ceil(share));
          }
        }
      }),
    );
  });

  it('gives the same tables for the same registrants, in any order', () => {
    fc.assert(
      fc.property(
        registrantsArb().chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length }))),
        sizeArb,
        ([registrants, shuffled], size) => {
          expect(formTables(shuffled, size)).toEqual(formTables(registrants, size));
          expect(formTables(registrants, size)).toEqual(formTables(registrants, size));
        },
      ),
    );
  });

  it('seats 23 people of sectors 11, 6, 4 and 2 at three tables of 8, 8 and 7, each sector spread evenly', () => {
    const registrants: Seatable[] = [
      ...Array.from({ length: 11 }, (_, i) => ({ id: `sp${i}`, sector: 'servidor-publico' })),
      ...Array.from({ length: 6 }, (_, i) => ({ id: `sc${i}`, sector: 'sociedad-civil' })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: `ac${i}`, sector: 'academia' })),
      ...Array.from({ length: 2 }, (_, i) => ({ id: `cp${i}`, sector: 'comite-participacion-ciudadana' })),
    ];
    const tables = formTables(registrants, { minSize: 5, maxSize: 10 });
    expect(tables.map((t) => t.length)).toEqual([8, 8, 7]);
    const sectorOf = new Map(registrants.map((r) => [r.id, r.sector]));
    const counts = Object.fromEntries(sectorCounts(tables, sectorOf));
    // 11/3 → 4, 4, 3; 6/3 → 2 each; 4/3 → 2, 1, 1 in some order; 2/3 → 1, 1, 0 in some order.
    expect(counts['servidor-publico']).toEqual([4, 4, 3]);
    expect(counts['sociedad-civil']).toEqual([2, 2, 2]);
    expect([...counts.academia!].sort()).toEqual([1, 1, 2]);
    expect([...counts['comite-participacion-ciudadana']!].sort()).toEqual([0, 1, 1]);
  });

  it('seats 23 people at four tables when tables hold at most 6', () => {
    const registrants = Array.from({ length: 23 }, (_, i) => ({ id: `p${i}`, sector: SECTORS[i % 4]! }));
    expect(formTables(registrants, { minSize: 5, maxSize: 6 }).map((t) => t.length)).toEqual([6, 6, 6, 5]);
  });

  it('makes one table of everyone when there are fewer than minSize people', () => {
    const registrants = [
      { id: 'a', sector: 'academia' },
      { id: 'b', sector: 'otro' },
      { id: 'c', sector: 'academia' },
    ];
    expect(formTables(registrants, { minSize: 5, maxSize: 10 })).toEqual([['a', 'c', 'b']]);
  });

  it('makes no tables for nobody', () => {
    expect(formTables([], { minSize: 5, maxSize: 10 })).toEqual([]);
  });

  it('makes tables as even as it can, never above maxSize, when no split fits (7 people, tables of exactly 5)', () => {
    const registrants = Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, sector: 'academia' }));
    expect(formTables(registrants, { minSize: 5, maxSize: 5 }).map((t) => t.length)).toEqual([4, 3]);
  });

  it('spreads one organisation’s people over tables within their sector', () => {
    // By id alone, x1 and x4 would be dealt to the same of three tables.
    const registrants = [
      ...['x1', 'x4'].map((id) => ({ id, sector: 'academia', organization: 'UAEMéx' })),
      ...['x2', 'x3', 'x5', 'x6'].map((id) => ({ id, sector: 'academia', organization: 'Colmex' })),
    ];
    const tables = formTables(registrants, { minSize: 2, maxSize: 2 });
    expect(tables).toHaveLength(3);
    expect(tables.find((t) => t.includes('x1'))).not.toContain('x4');
  });

  it('refuses repeated ids and impossible sizes', () => {
    expect(() =>
      formTables(
        [
          { id: 'a', sector: 'x' },
          { id: 'a', sector: 'y' },
        ],
        { minSize: 1, maxSize: 2 },
      ),
    ).toThrow(RangeError);
    expect(() => formTables([], { minSize: 6, maxSize: 5 })).toThrow(RangeError);
    expect(() => formTables([], { minSize: 0, maxSize: 5 })).toThrow(RangeError);
    expect(() => formTables([], { minSize: 1.5, maxSize: 5 })).toThrow(RangeError);
  });
});

describe('seating helpers', () => {
  it('moveSeat moves one person and keeps everyone once', () => {
    fc.assert(
      fc.property(registrantsArb(60), sizeArb, fc.nat(), fc.nat(), (registrants, size, who, to) => {
        const tables = formTables(registrants, size);
        fc.pre(tables.length > 0);
        const id = registrants[who % registrants.length]!.id;
        const target = to % tables.length;
        const moved = moveSeat(tables, id, target);
        expect(moved[target]).toContain(id);
        expect(moved.flat().sort()).toEqual(tables.flat().sort());
      }),
    );
  });

  it('seatLateArrival keeps the sector bound when the formed tables were balanced and a table has room', () => {
    fc.assert(
      fc.property(registrantsArb(60), fc.constantFrom(...SECTORS), (registrants, sector) => {
        const size = { minSize: 3, maxSize: 8 };
        const tables = formTables(registrants, size);
        fc.pre(tables.some((t) => t.length < size.maxSize));
        const late = { id: 'late', sector };
        const sectorOf = new Map([...registrants, late].map((r) => [r.id, r.sector]));
        const after = seatLateArrival(tables, late, (id) => sectorOf.get(id), size);
        expect(after.flat()).toHaveLength(registrants.length + 1);
        const perTable = sectorCounts(after, sectorOf).get(sector)!;
        expect(Math.max(...perTable) - Math.min(...perTable)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('isSectorBalanced notices a table with two more of a sector than another', () => {
    const sectorOf = (id: string) => id.split(':')[0];
    expect(
      isSectorBalanced(
        [
          ['a:1', 'b:1'],
          ['a:2', 'b:2'],
        ],
        sectorOf,
      ),
    ).toBe(true);
    expect(
      isSectorBalanced(
        [
          ['a:1', 'a:2'],
          ['b:1', 'b:2'],
        ],
        sectorOf,
      ),
    ).toBe(false);
    expect(isSectorBalanced([], sectorOf)).toBe(true);
  });

  it('bestTableFor prefers the table with fewest of the sector, then the smallest, then the first', () => {
    const sectorOf = (id: string) => id.split(':')[0];
    const tables = [
      ['a:1', 'b:1', 'a:2'],
      ['b:2', 'a:3'],
      ['b:3', 'c:1'],
    ];
    expect(bestTableFor(tables, 'a', sectorOf, { maxSize: 10 })).toBe(2);
    expect(bestTableFor(tables, 'c', sectorOf, { maxSize: 10 })).toBe(1);
    // Every table full: the rule still picks one, among all of them.
    expect(bestTableFor(tables, 'c', sectorOf, { maxSize: 2 })).toBe(1);
    // A full table is passed over while another has room, even with fewer of the sector.
    expect(
      bestTableFor(
        [
          ['a:1', 'x:1'],
          ['a:2', 'a:3'],
        ],
        'a',
        sectorOf,
        { maxSize: 3 },
      ),
    ).toBe(0);
    expect(
      bestTableFor(
        [
          ['x:1', 'x:2', 'x:3'],
          ['a:2', 'a:3'],
        ],
        'a',
        sectorOf,
        { maxSize: 3 },
      ),
    ).toBe(1);
    expect(bestTableFor([], 'a', sectorOf, { maxSize: 2 })).toBe(-1);
  });

  it('reformTables keeps locked seats and seats everyone once; with no locks it is formTables', () => {
    fc.assert(
      fc.property(
        registrantsArb(80),
        sizeArb,
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 })), { maxLength: 6 }),
        (registrants, size, picks) => {
          fc.pre(registrants.length > 0);
          const locked = new Map(picks.map(([who, table]) => [registrants[who % registrants.length]!.id, table]));
          const tables = reformTables(registrants, size, locked);
          expect(tables.flat().sort()).toEqual(registrants.map((r) => r.id).sort());
          for (const [id, table] of locked) expect(tables[table]).toContain(id);
          expect(reformTables(registrants, size, new Map())).toEqual(formTables(registrants, size));
        },
      ),
    );
  });
});
