import { BOARD_SEED, BOARD_SIZE, startBoardServer } from './boardServer';
import { writeBoardResults } from './boardResults';
import { measureJsonSize } from './jsonSize';
import { measurePageUsable } from './pageUsable';
import { measurePlanDocumentPdf } from './planDocumentPdf';
import { measureServerTime } from './serverTime';

/** The bounds for a board of 60 published commitments × 10 activities. */
const TARGETS = { serverP95Ms: 50, pageUsableMs: 1000, jsonGzipKb: 300 } as const;

/**
 * The public board at its issue's size: the server's p95 for the page's data, the page usable in Chromium, and the
 * JSON's size gzipped; then the Plan's document printed to PDF. One module per figure; each writes its fields into
 * results/board.json.
 */
export async function runBoardBench(): Promise<Record<string, unknown>> {
  const ctx = await startBoardServer();
  try {
    const server = await measureServerTime(ctx);
    const size = await measureJsonSize(ctx);
    const page = await measurePageUsable(ctx);
    writeBoardResults({
      generatedAt: new Date().toISOString(),
      board: { ...BOARD_SIZE, seed: BOARD_SEED },
      ...server,
      ...size,
      ...page,
      targets: TARGETS,
      met: {
        serverP95Ms: server.serverP95Ms <= TARGETS.serverP95Ms,
        pageUsableMs: page.pageUsableMs <= TARGETS.pageUsableMs,
        jsonGzipKb: size.jsonGzipKb <= TARGETS.jsonGzipKb,
      },
    });
    console.log(
      `board: server p95 ${server.serverP95Ms} ms (≤ ${TARGETS.serverP95Ms}), page usable ${page.pageUsableMs} ms ` +
        `(p95 ${page.pageUsableP95Ms}; ≤ ${TARGETS.pageUsableMs}), JSON ${size.jsonGzipKb} KB gzip ` +
        `(≤ ${TARGETS.jsonGzipKb}; the whole open data ${size.openDataGzipKb} KB)\nWritten to bench/results/board.json`,
    );
  } finally {
    await ctx.server.stop();
  }
  // The Plan's document of 20 commitments to PDF, on a server of its own (`planDocumentPdfMs`).
  return writeBoardResults({ ...(await measurePlanDocumentPdf()) });
}
