import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowStartPages, paginate, type MeasuredBlock, type MeasuredFlow, type Page } from './paginate';

const atomic = (height: number, keepWithNext = false): MeasuredBlock => ({ kind: 'atomic', height, keepWithNext });
const rows = (head: number, ...heights: number[]): MeasuredBlock => ({ kind: 'rows', head, rows: heights });

/** Each page as the heights it holds, for reading the examples. */
function heights(flows: MeasuredFlow[], pages: Page[]): number[][] {
  return pages.map((page) =>
    page.placements.map(({ block, rows: run }) => {
      const b = flows[page.flow]!.blocks[block]!;
      if (b.kind === 'atomic') return b.height;
      if (!run) return b.head;
      return b.head + b.rows.slice(run!.from, run!.to).reduce((sum, h) => sum + h, 0);
    }),
  );
}

/** A heading's height with every heading after it and the start (a first row) of what they head. */
function chain(blocks: readonly MeasuredBlock[], b: number): number {
  const block = blocks[b];
  if (block === undefined) return 0;
  if (block.kind === 'rows') return block.head + (block.rows[0] ?? 0);
  return block.height + (block.keepWithNext ? chain(blocks, b + 1) : 0);
}

describe('paginating the Plan’s document', () => {
  it('starts every flow on a page of its own and numbers where each starts', () => {
    const flows = [
      { pageHeight: 100, blocks: [atomic(30)] },
      { pageHeight: 100, blocks: [atomic(60), atomic(60)] },
      { pageHeight: 70, blocks: [atomic(10)] },
    ];
    const pages = paginate(flows);
    expect(heights(flows, pages)).toEqual([[30], [60], [60], [10]]);
    expect([...flowStartPages(pages)]).toEqual([
      [0, 1],
      [1, 2],
      [2, 4],
    ]);
  });

  it('takes a heading over to the next page with the start of what it heads', () => {
    const flows = [{ pageHeight: 100, blocks: [atomic(70), atomic(10, true), atomic(30)] }];
    expect(heights(flows, paginate(flows))).toEqual([[70], [10, 30]]);
    // Two headings in a row go over together, with the first row of the table they head.
    const table = [{ pageHeight: 100, blocks: [atomic(60), atomic(10, true), atomic(10, true), rows(15, 10, 10)] }];
    expect(heights(table, paginate(table))).toEqual([[60], [10, 10, 35]]);
  });

  it('splits a table between rows, repeating its head', () => {
    const flows = [{ pageHeight: 100, blocks: [atomic(40), rows(20, 30, 30, 30, 30)] }];
    const pages = paginate(flows);
    expect(heights(flows, pages)).toEqual([[40, 50], [80], [50]]);
    expect(pages.map((p) => p.placements.map((x) => x.rows))).toEqual([
      [undefined, { from: 0, to: 1 }],
      [{ from: 1, to: 3 }],
      [{ from: 3, to: 4 }],
    ]);
  });

  it('gives what is taller than a page a page of its own', () => {
    const flows = [{ pageHeight: 100, blocks: [atomic(10), atomic(150), atomic(10, true), atomic(120)] }];
    expect(heights(flows, paginate(flows))).toEqual([[10], [150], [10], [120]]);
  });

  it('places every block and row once, in order; overfills only a page of one; never ends a page on a heading', () => {
    const block = fc.oneof(
      fc.record({
        kind: fc.constant('atomic' as const),
        height: fc.integer({ min: 1, max: 140 }),
        keepWithNext: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('rows' as const),
        head: fc.integer({ min: 1, max: 30 }),
        rows: fc.array(fc.integer({ min: 1, max: 120 }), { maxLength: 12 }),
      }),
    );
    const flow = fc.record({ pageHeight: fc.constant(100), blocks: fc.array(block, { maxLength: 12 }) });
    fc.assert(
      fc.property(fc.array(flow, { minLength: 1, maxLength: 5 }), (flows) => {
        const pages = paginate(flows);
        const placed = pages.flatMap((page) =>
          page.placements.flatMap(({ block: b, rows: run }) =>
            run
              ? Array.from({ length: run.to - run.from }, (_, i) => `${page.flow}.${b}.${run.from + i}`)
              : [`${page.flow}.${b}`],
          ),
        );
        const expected = flows.flatMap((f, fi) =>
          f.blocks.flatMap((b, bi) =>
            b.kind === 'rows' && b.rows.length > 0 ? b.rows.map((_, r) => `${fi}.${bi}.${r}`) : [`${fi}.${bi}`],
          ),
        );
        expect(placed).toEqual(expected);
        heights(flows, pages).forEach((page) => {
          if (page.length > 1) expect(page.reduce((a, h) => a + h, 0)).toBeLessThanOrEqual(100);
        });
        for (let i = 0; i < pages.length - 1; i++) {
          const page = pages[i]!;
          const next = pages[i + 1]!;
          if (next.flow !== page.flow) continue;
          const last = page.placements.at(-1)!;
          const b = flows[page.flow]!.blocks[last.block]!;
          if (b.kind !== 'atomic' || !b.keepWithNext) continue;
          // Kept together unless the heading, the headings after it and the start of what they head exceed a page.
          expect(chain(flows[page.flow]!.blocks, last.block)).toBeGreaterThan(100);
        }
      }),
    );
  });
});
