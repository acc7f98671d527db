/**
 * Pages of the Plan's document, laid out by the app rather than by the browser's print engine, so that the index
 * knows the page each commitment starts on (Chromium has no `target-counter()`), every page carries its running
 * header and its "Página i de n" as plain text, and no heading is left alone at a page's foot.
 *
 * The document is a list of flows (the cover, the index, each commitment, a wide cronograma's landscape pages);
 * each flow starts on a page of its own (a flow with nothing in it takes none). A flow is a list of blocks measured beforehand at print size: an atomic
 * block (a heading, a paragraph, the tree's picture) stays whole, a table splits between its rows and repeats its
 * head on the next page.
 */

export type MeasuredBlock =
  /** `keepWithNext`: a heading, never the last thing on a page; it goes over with the start of what it heads. */
  | { kind: 'atomic'; height: number; keepWithNext: boolean }
  /** `head`: the caption and column headers, repeated on every page the table runs onto. */
  | { kind: 'rows'; head: number; rows: readonly number[] };

export interface MeasuredFlow {
  /** The height a page of this flow has for blocks (its orientation's). */
  pageHeight: number;
  blocks: readonly MeasuredBlock[];
}

/** A block, or a run of a table's rows (`from` inclusive, `to` exclusive), on a page. */
export interface Placement {
  block: number;
  rows?: { from: number; to: number };
}

export interface Page {
  flow: number;
  placements: Placement[];
}

/**
 * Lays the flows out on pages, in order. A block or row taller than a whole page gets a page of its own, where its
 * end is cut off at the page's foot: that takes a single table row or paragraph longer than a page, which the
 * commitment's length limits make rare (the tree's picture is scaled to fit a page).
 */
export function paginate(flows: readonly MeasuredFlow[]): Page[] {
  const pages: Page[] = [];
  flows.forEach((flow, f) => {
    if (flow.blocks.length === 0) return;
    const height = flow.pageHeight;
    let page: Page = { flow: f, placements: [] };
    let used = 0;
    const newPage = () => {
      pages.push(page);
      page = { flow: f, placements: [] };
      used = 0;
    };
    flow.blocks.forEach((block, b) => {
      if (block.kind === 'atomic' || block.rows.length === 0) {
        const own = block.kind === 'atomic' ? block.height : block.head;
        const group = own + (block.kind === 'atomic' && block.keepWithNext ? lead(flow.blocks, b + 1) : 0);
        // A heading with what follows it taller than a page cannot be kept together: it keeps only itself.
        const need = group <= height ? group : own;
        if (used > 0 && used + need > height) newPage();
        page.placements.push({ block: b });
        used += own;
        return;
      }
      let from = 0;
      while (from < block.rows.length) {
        if (used > 0 && used + block.head + block.rows[from]! > height) newPage();
        let to = from + 1;
        let run = block.head + block.rows[from]!;
        while (to < block.rows.length && used + run + block.rows[to]! <= height) run += block.rows[to++]!;
        page.placements.push({ block: b, rows: { from, to } });
        used += run;
        if (to < block.rows.length) newPage();
        from = to;
      }
    });
    pages.push(page);
  });
  return pages;
}

/** How much of the blocks from `b` on must go with a heading before them: up to the first row of a table. */
function lead(blocks: readonly MeasuredBlock[], b: number): number {
  const block = blocks[b];
  if (block === undefined) return 0;
  if (block.kind === 'rows') return block.head + (block.rows[0] ?? 0);
  return block.height + (block.keepWithNext ? lead(blocks, b + 1) : 0);
}

/** The page number (1-based) each flow starts on. */
export function flowStartPages(pages: readonly Page[]): Map<number, number> {
  const starts = new Map<number, number>();
  pages.forEach((page, i) => {
    if (!starts.has(page.flow)) starts.set(page.flow, i + 1);
  });
  return starts;
}
