import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import { clientDist, ensureBuiltClient, startAppServer, type AppServer } from './appServer';
import { joinAsParticipant, launchChromium, waitForCanvasNodes } from './browser';
import { measureInitialJs, type InitialJs } from './initialJs';
import { measurePinDrag, measureUiDrag, type DragRun } from './remoteDrag';
import { measureRemoteEdit, type RemoteEditResult } from './remoteEdit';
import { measureReviewNotice, type ReviewNoticeResult } from './reviewNotice';
import { TreeWriter } from './treeWriter';
import { formatUiTable } from './uiTable';

/** The issues' targets (#23, #22). Read next to the figures; the run does not fail on them. */
export const UI_TARGETS = {
  remoteEditP50Ms: 25,
  remoteEditP95Ms: 50,
  longTasksDuringRemoteDrag: 0,
  initialJsGzipKb: 200,
  reviewNoticeP95Ms: 1000,
} as const;

/** Causes and effects in the tree (the central problem comes on top) for each measurement. */
const NODES = { remoteEdit: 200, drag: 300 } as const;
const EDIT_SAMPLES = 40;
/** Open pages of a mesa when the STL moves a version's review, and how many moves. */
const NOTICE_PAGES = 25;
const NOTICE_MOVES = 6;

export interface UiResults {
  generatedAt: string;
  /**
   * `loadAverage`: the 1-minute load average when the run started and ended. Above the number of CPUs, other
   * processes competed for the CPU and the wall-clock figures are inflated; the CPU-time ones are not.
   */
  machine: { cpus: number; node: string; browser: string; loadAverage: { start: number; end: number } };
  nodes: { remoteEdit: number; drag: number };
  remoteEditOnScreen: RemoteEditResult;
  longTasksDuringRemoteDrag: { count: number; durationMs: number; method: string; runs: DragRun[] };
  initialJsGzipKb: number;
  initialJs: InitialJs['files'];
  treeTabJs: InitialJs['treeTab'];
  /** From the STL's review move to its notice in each open page of the mesa (#22). */
  reviewNotice: ReviewNoticeResult;
  targets: {
    remoteEditP50: { targetMs: number; p50Ms: number; pass: boolean };
    remoteEditP95: { targetMs: number; p95Ms: number; pass: boolean };
    longTasksDuringRemoteDrag: { target: number; count: number; pass: boolean };
    initialJsGzip: { targetKb: number; gzipKb: number; pass: boolean };
    reviewNoticeP95: { targetMs: number; p95Ms: number; pass: boolean };
  };
}

const resultsDir = fileURLToPath(new URL('../../results/', import.meta.url));

/**
 * The UI benchmark of the problem tree, in real Chromium against the real server and built client: a remote edit
 * until it is painted in another browser (200-node tree), long tasks in a browser watching someone drag in a
 * 300-node tree, and the gzipped JavaScript the mesa page loads first. Writes results/ui.json, prints a table.
 */
export async function runUiBench(): Promise<UiResults> {
  ensureBuiltClient();
  const results = await measureUi(clientDist);
  mkdirSync(resultsDir, { recursive: true });
  // Written aside and renamed, so an interrupted run never leaves a half-written ui.json behind.
  writeFileSync(`${resultsDir}ui.json.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(`${resultsDir}ui.json.tmp`, `${resultsDir}ui.json`);
  console.log(`\n${formatUiTable(results)}\n`);
  return results;
}

/** The measurements against the client built in `clientDir` (another build of the client can be compared). */
export async function measureUi(clientDir: string): Promise<UiResults> {
  const initialJs = measureInitialJs(clientDir);
  const loadAtStart = loadavg()[0]!;
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  let writer: TreeWriter | undefined;
  let remoteEdit: RemoteEditResult;
  let reviewNotice: ReviewNoticeResult;
  const dragRuns: DragRun[] = [];
  let browserVersion = '';
  try {
    console.log('ui: starting the server and Chromium…');
    server = await startAppServer(clientDir);
    const mesa = await server.createMesa('Mesa del benchmark de la interfaz');
    browser = await launchChromium();
    browserVersion = browser.version();

    console.log(`ui: building a ${NODES.remoteEdit}-node tree from a Node client…`);
    writer = await TreeWriter.connect(mesa);
    await writer.grow(NODES.remoteEdit);
    const [ana, beto] = await Promise.all([
      joinAsParticipant(browser, mesa.participantLink, 'Ana'),
      joinAsParticipant(browser, mesa.participantLink, 'Beto'),
    ]);
    await Promise.all([ana, beto].map((page) => waitForCanvasNodes(page, writer!.size)));
    // The canvas fits its view to the tree in a 200 ms animation after loading.
    await Promise.all([ana, beto].map((page) => page.waitForTimeout(600)));

    console.log(`ui: remote edit → on screen, ${EDIT_SAMPLES} samples…`);
    remoteEdit = await measureRemoteEdit(ana, beto, EDIT_SAMPLES);

    console.log(`ui: growing the tree to ${NODES.drag} nodes; long tasks while someone else drags…`);
    await writer.grow(NODES.drag - NODES.remoteEdit);
    await Promise.all([ana, beto].map((page) => waitForCanvasNodes(page, writer!.size)));
    await Promise.all([ana, beto].map((page) => page.waitForTimeout(600)));
    dragRuns.push(await measureUiDrag(ana, beto));
    await beto.waitForTimeout(300);
    dragRuns.push(await measurePinDrag(writer, beto));
    await Promise.all([ana, beto].map((page) => page.context().close()));

    console.log(`ui: a review move's notice in ${NOTICE_PAGES} open pages, ${NOTICE_MOVES} moves…`);
    const noticed = await server.createMesa('Mesa del benchmark de los avisos');
    reviewNotice = await measureReviewNotice(browser, server, noticed, NOTICE_PAGES, NOTICE_MOVES);
  } finally {
    writer?.destroy();
    await browser?.close();
    await server?.stop();
  }

  const longTasks = {
    count: dragRuns.reduce((sum, run) => sum + run.count, 0),
    durationMs: dragRuns.reduce((sum, run) => sum + run.durationMs, 0),
    method: dragRuns.map((run) => run.method).join(' + '),
    runs: dragRuns,
  };
  const results: UiResults = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      browser: `Chromium ${browserVersion}`,
      loadAverage: { start: round2(loadAtStart), end: round2(loadavg()[0]!) },
    },
    nodes: NODES,
    remoteEditOnScreen: remoteEdit,
    longTasksDuringRemoteDrag: longTasks,
    initialJsGzipKb: initialJs.gzipKb,
    initialJs: initialJs.files,
    treeTabJs: initialJs.treeTab,
    reviewNotice,
    targets: {
      remoteEditP50: {
        targetMs: UI_TARGETS.remoteEditP50Ms,
        p50Ms: remoteEdit.p50Ms,
        pass: remoteEdit.samples > 0 && remoteEdit.p50Ms <= UI_TARGETS.remoteEditP50Ms,
      },
      remoteEditP95: {
        targetMs: UI_TARGETS.remoteEditP95Ms,
        p95Ms: remoteEdit.p95Ms,
        pass: remoteEdit.samples > 0 && remoteEdit.p95Ms <= UI_TARGETS.remoteEditP95Ms,
      },
      longTasksDuringRemoteDrag: {
        target: UI_TARGETS.longTasksDuringRemoteDrag,
        count: longTasks.count,
        pass: longTasks.count <= UI_TARGETS.longTasksDuringRemoteDrag,
      },
      initialJsGzip: {
        targetKb: UI_TARGETS.initialJsGzipKb,
        gzipKb: initialJs.gzipKb,
        pass: initialJs.gzipKb <= UI_TARGETS.initialJsGzipKb,
      },
      reviewNoticeP95: {
        targetMs: UI_TARGETS.reviewNoticeP95Ms,
        p95Ms: reviewNotice.p95Ms,
        pass:
          reviewNotice.missed === 0 && reviewNotice.samples > 0 && reviewNotice.p95Ms <= UI_TARGETS.reviewNoticeP95Ms,
      },
    },
  };
  return results;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
