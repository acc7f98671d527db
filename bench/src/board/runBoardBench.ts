import { writeBoardFields } from './boardResults';
import { measurePlanDocumentPdf } from './planDocumentPdf';

/**
 * The public board's benchmark, bench/results/board.json. Each measurement is a module of its own that writes its
 * own fields; today the Plan's document to PDF (`planDocumentPdfMs`).
 */
export async function runBoardBench(): Promise<void> {
  writeBoardFields({ generatedAt: new Date().toISOString(), ...(await measurePlanDocumentPdf()) });
  console.log('Written to bench/results/board.json');
}
