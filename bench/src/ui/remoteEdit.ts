import type { Page } from '@playwright/test';
import { sleep } from '../clock';
import { distribution, roundMs } from '../percentiles';
import type { ProbeHost } from './browser';
import { MainThreadMeter, type MainThreadWork } from './mainThread';

export interface StageLatency {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface RemoteEditResult {
  /**
   * Keydown in the editing page → the watching page has painted the new text: a message posted from the next
   * animation frame runs once that frame's rendering (style, layout, ResizeObserver callbacks and whatever
   * they re-render, paint) is done.
   */
  p50Ms: number;
  p95Ms: number;
  samples: number;
  maxMs: number;
  /**
   * The same samples, stopped earlier: when the DOM had the text (mutation observer), and when the next frame
   * started (requestAnimationFrame). Only `painted` includes the work the frame itself does before it paints.
   */
  stages: { dom: StageLatency; frame: StageLatency; painted: StageLatency };
  /** Samples that never showed up in the watching page within the timeout (not in the percentiles). */
  missed: number;
  /**
   * Main-thread work per keystroke (CPU time, so other processes on the machine do not inflate it): in the
   * watching page, to apply the remote edit and show it; in the editing page, to show one's own letter.
   */
  perEdit: { watcher: MainThreadWork; editor: MainThreadWork };
  /** How far apart the two pages' clocks were, measured against Date.now() and subtracted from every sample. */
  clockSkewMs: number;
}

const WARMUP = 3;
const SAMPLE_TIMEOUT_MS = 5000;
/** Between samples, so that one keystroke's work never overlaps the next one's. */
const PAUSE_MS = 120;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Remote edit → on screen: `editor` double-clicks a canvas node and types one letter at a time; for each, the time
 * from its keydown to the frame in which `watcher` paints the node's new text. Both pages run on this machine, so
 * their clocks are one wall clock (see pageProbe.js).
 */
export async function measureRemoteEdit(editor: Page, watcher: Page, samples: number): Promise<RemoteEditResult> {
  const [target] = await editor.evaluate(() => (globalThis as unknown as ProbeHost).__uiBench.centralNodes(1));
  if (!target) throw new Error('ui bench: no canvas node in view to edit');
  await editor.locator(`.react-flow__node[data-id="${target.id}"]`).dblclick();
  await editor.locator('textarea.tree-node-input:focus').waitFor({ timeout: 5000 });
  // The watcher first learns (through presence) who edits the node, and re-renders for it: let that pass.
  await sleep(500);

  const offsetEditor = await editor.evaluate(() => (globalThis as unknown as ProbeHost).__uiBench.clockOffset());
  const offsetWatcher = await watcher.evaluate(() => (globalThis as unknown as ProbeHost).__uiBench.clockOffset());

  const meters = await Promise.all([MainThreadMeter.attach(watcher), MainThreadMeter.attach(editor)]);
  const dom: number[] = [];
  const frame: number[] = [];
  const painted: number[] = [];
  let missed = 0;
  let text = target.text;
  for (let i = 0; i < WARMUP + samples; i++) {
    if (i === WARMUP) await Promise.all(meters.map((m) => m.reset()));
    const letter = LETTERS[i % LETTERS.length]!;
    text += letter;
    await watcher.evaluate(
      ([id, expected]) => (globalThis as unknown as ProbeHost).__uiBench.expectText(id, expected),
      [target.id, text] as const,
    );
    await editor.evaluate(() => (globalThis as unknown as ProbeHost).__uiBench.armKeydown());
    await editor.keyboard.press(letter);
    const seen = await watcher.evaluate(
      (timeout) => (globalThis as unknown as ProbeHost).__uiBench.seen(timeout),
      SAMPLE_TIMEOUT_MS,
    );
    const keydownAt = await editor.evaluate(() => (globalThis as unknown as ProbeHost).__uiBench.keydownAt);
    if (i >= WARMUP) {
      if (seen === null || keydownAt === null) {
        missed++;
      } else {
        const start = keydownAt - offsetEditor;
        dom.push(seen.domAt - offsetWatcher - start);
        frame.push(seen.frameAt - offsetWatcher - start);
        painted.push(seen.paintAt - offsetWatcher - start);
      }
    }
    await sleep(PAUSE_MS);
  }
  const [watcherWork, editorWork] = await Promise.all(meters.map((m) => m.sinceStart()));
  await editor.keyboard.press('Escape');

  const painting = stage(painted);
  return {
    p50Ms: painting.p50Ms,
    p95Ms: painting.p95Ms,
    samples: painted.length,
    maxMs: painting.maxMs,
    stages: { dom: stage(dom), frame: stage(frame), painted: painting },
    missed,
    perEdit: { watcher: perSample(watcherWork!, samples), editor: perSample(editorWork!, samples) },
    clockSkewMs: roundMs(offsetWatcher - offsetEditor),
  };
}

function perSample(work: MainThreadWork, samples: number): MainThreadWork {
  const each = (value: number) => Math.round((value / samples) * 10) / 10;
  return {
    cpuMs: each(work.cpuMs),
    scriptMs: each(work.scriptMs),
    styleMs: each(work.styleMs),
    layoutMs: each(work.layoutMs),
    styleRecalcs: each(work.styleRecalcs),
    layouts: each(work.layouts),
  };
}

/** Percentiles to 0.1 ms: Chromium's performance.now() has 100 µs resolution in a page that is not isolated. */
function stage(values: number[]): StageLatency {
  const { p50Ms, p95Ms, maxMs } = distribution(values);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { p50Ms: round(p50Ms), p95Ms: round(p95Ms), maxMs: round(maxMs) };
}
