import type { Page } from '@playwright/test';
import { sleep } from '../clock';
import { roundMs } from '../percentiles';
import type { ProbeHost, WatchSummary } from './browser';
import { MainThreadMeter, type MainThreadWork } from './mainThread';
import type { TreeWriter } from './treeWriter';

export type DragMethod = 'ui-drag' | 'node-pin';

export interface DragRun {
  /**
   * 'ui-drag': a person drags a node with the mouse in the other browser, which shares only its cursor while
   * dragging and the node's pin on drop. 'node-pin': a Node-side client re-pins a node 30 times a second, as a
   * drag would if positions were shared while dragging.
   */
  method: DragMethod;
  /** Long tasks (over 50 ms) in the watching page while the drag ran. */
  count: number;
  durationMs: number;
  longestTaskMs: number;
  totalLongTaskMs: number;
  frames: number;
  maxFrameGapMs: number;
  /** What the watching page showed of the drag: moves of the remote cursor, and of canvas nodes. */
  cursorMoves: number;
  nodeMoves: number;
  /** The watching page's main-thread CPU time over the run (not inflated by other processes). */
  watcherCpuMs: number;
  watcherScriptMs: number;
}

const DRAG_MS = 3000;
const STEP_MS = 1000 / 30;

/** The watching page's main thread while `dragger` drags a canvas node with the mouse for three seconds. */
export async function measureUiDrag(dragger: Page, watcher: Page): Promise<DragRun> {
  const [target] = await dragger.evaluate(() => (globalThis as unknown as ProbeHost).__uiBench.centralNodes(1));
  if (!target) throw new Error('ui bench: no canvas node in view to drag');
  const meter = await MainThreadMeter.attach(watcher);
  await meter.reset();
  await watcher.evaluate(() => (globalThis as unknown as ProbeHost).__uiBench.startWatch());
  await dragger.mouse.move(target.x, target.y);
  await dragger.mouse.down();
  // A loop of 60 px around where it was, ending where it started: dropped on empty canvas, the node is pinned
  // there and no branch moves.
  const startedAt = Date.now();
  for (let step = 1; Date.now() - startedAt < DRAG_MS; step++) {
    const angle = (2 * Math.PI * (Date.now() - startedAt)) / DRAG_MS;
    await dragger.mouse.move(target.x + 60 * Math.sin(angle), target.y + 60 * (1 - Math.cos(angle)) * 0.5);
    await sleepUntil(startedAt + step * STEP_MS);
  }
  await dragger.mouse.move(target.x, target.y);
  await dragger.mouse.up();
  await sleep(300);
  const summary = await watcher.evaluate(() => (globalThis as unknown as ProbeHost).__uiBench.stopWatch());
  return toRun('ui-drag', summary, await meter.sinceStart());
}

/** The watching page's main thread while a Node-side client moves a node by re-pinning it 30 times a second. */
export async function measurePinDrag(writer: TreeWriter, watcher: Page): Promise<DragRun> {
  const [target] = await watcher.evaluate(() => (globalThis as unknown as ProbeHost).__uiBench.centralNodes(1));
  if (!target) throw new Error('ui bench: no canvas node in view to move');
  const meter = await MainThreadMeter.attach(watcher);
  await meter.reset();
  await watcher.evaluate(() => (globalThis as unknown as ProbeHost).__uiBench.startWatch());
  const startedAt = Date.now();
  for (let step = 1; Date.now() - startedAt < DRAG_MS; step++) {
    const angle = (2 * Math.PI * (Date.now() - startedAt)) / DRAG_MS;
    writer.pin(target.id, {
      x: Math.round(target.flow.x + 400 * Math.sin(angle)),
      y: Math.round(target.flow.y + 200 * (1 - Math.cos(angle))),
    });
    await sleepUntil(startedAt + step * STEP_MS);
  }
  await sleep(300);
  const summary = await watcher.evaluate(() => (globalThis as unknown as ProbeHost).__uiBench.stopWatch());
  return toRun('node-pin', summary, await meter.sinceStart());
}

function toRun(method: DragMethod, summary: WatchSummary, work: MainThreadWork): DragRun {
  const durations = summary.longTasks.map((t) => t.durationMs);
  return {
    method,
    count: durations.length,
    durationMs: roundMs(summary.durationMs),
    longestTaskMs: roundMs(Math.max(0, ...durations)),
    totalLongTaskMs: roundMs(durations.reduce((a, b) => a + b, 0)),
    frames: summary.frames,
    maxFrameGapMs: roundMs(summary.maxFrameGapMs),
    cursorMoves: summary.cursorMoves,
    nodeMoves: summary.nodeMoves,
    watcherCpuMs: Math.round(work.cpuMs),
    watcherScriptMs: Math.round(work.scriptMs),
  };
}

function sleepUntil(at: number): Promise<void> {
  return sleep(Math.max(0, at - Date.now()));
}
