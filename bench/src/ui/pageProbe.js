/* global window, document, CSS, MutationObserver, requestAnimationFrame */
/**
 * Measuring probes installed in every page of the UI benchmark (Playwright's addInitScript), as window.__uiBench.
 * Plain browser JavaScript on purpose: functions that Playwright serialises from the TypeScript sources pass
 * through tsx, whose esbuild `keepNames` wraps inner functions in a `__name` helper the page does not have.
 *
 * Timestamps are `performance.timeOrigin + performance.now()`: milliseconds on the machine's wall clock with
 * sub-millisecond resolution, comparable between two pages on one machine once `clockOffset` is subtracted.
 */
(() => {
  const now = () => performance.timeOrigin + performance.now();

  const probe = {
    /** The first keydown since `armKeydown`, or null. */
    keydownAt: null,
    /** The pending wait for a text, from `expectText`. */
    textWait: null,
    /** The running observation, from `startWatch`. */
    watch: null,

    now,

    /**
     * How far this page's clock sits from Date.now(), the one wall clock every page shares: the mean of many
     * readings, so that Date.now()'s whole milliseconds average out (to the same +0.5 ms in every page).
     */
    clockOffset() {
      let sum = 0;
      const n = 2000;
      for (let i = 0; i < n; i++) sum += now() - Date.now();
      return sum / n;
    },

    /**
     * Canvas nodes other than the central problem, nearest to the canvas's centre first, that are wholly in view:
     * where a person would grab one. Each with its text, its centre on the page, and its flow position (from
     * React Flow's transform).
     */
    centralNodes(count) {
      const box = document.querySelector('.react-flow').getBoundingClientRect();
      const cx = box.left + box.width / 2;
      const cy = box.top + box.height / 2;
      const found = [];
      for (const el of document.querySelectorAll('.react-flow__node')) {
        if (el.dataset.id === 'root') continue;
        const r = el.getBoundingClientRect();
        if (r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom) continue;
        const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(el.style.transform);
        found.push({
          id: el.dataset.id,
          text: el.querySelector('.tree-node-text')?.textContent ?? '',
          x: r.left + r.width / 2,
          y: r.top + r.height / 2,
          width: r.width,
          flow: match ? { x: Number(match[1]), y: Number(match[2]) } : { x: 0, y: 0 },
          distance: Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy),
        });
      }
      return found.sort((a, b) => a.distance - b.distance).slice(0, count);
    },

    armKeydown() {
      probe.keydownAt = null;
    },

    /**
     * Starts waiting for the canvas node `nodeId` to show `expected`. Records when the DOM has it (the mutation
     * observer's callback, a microtask after React's commit), when the next frame starts (requestAnimationFrame:
     * its rendering step paints the change) and a message posted from that frame, which runs after the paint.
     */
    expectText(nodeId, expected) {
      const selector = `.react-flow__node[data-id="${CSS.escape(nodeId)}"] .tree-node-text`;
      const shows = () => document.querySelector(selector)?.textContent === expected;
      probe.textWait = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!shows()) return;
          const domAt = now();
          observer.disconnect();
          requestAnimationFrame(() => {
            const frameAt = now();
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ domAt, frameAt, paintAt: now() });
            channel.port2.postMessage(null);
          });
        });
        observer.observe(document.querySelector('.react-flow') ?? document.body, {
          subtree: true,
          childList: true,
          characterData: true,
        });
        if (shows()) {
          observer.disconnect();
          resolve(null);
        }
      });
    },

    /** The timestamps of the pending wait, or null if it did not happen within `timeoutMs`. */
    seen(timeoutMs) {
      const timeout = new Promise((resolve) => setTimeout(() => resolve(null), timeoutMs));
      return Promise.race([probe.textWait, timeout]);
    },

    /**
     * Starts watching this page's main thread: long tasks (over 50 ms, the Long Tasks API), every frame's start
     * (to find the longest gap between frames) and how often a remote cursor or a canvas node moved on screen.
     */
    startWatch() {
      const watch = { startedAt: performance.now(), longTasks: [], frames: [], cursorMoves: 0, nodeMoves: 0, on: true };
      watch.longTaskObserver = new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          watch.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
      });
      watch.longTaskObserver.observe({ type: 'longtask' });
      watch.mutationObserver = new MutationObserver((records) => {
        for (const record of records) {
          const el = record.target;
          if (record.attributeName !== 'style' || !el.classList) continue;
          if (el.classList.contains('remote-cursor')) watch.cursorMoves++;
          else if (el.classList.contains('react-flow__node')) watch.nodeMoves++;
        }
      });
      watch.mutationObserver.observe(document.querySelector('.react-flow') ?? document.body, {
        subtree: true,
        attributes: true,
        attributeFilter: ['style'],
      });
      const onFrame = (t) => {
        if (!watch.on) return;
        watch.frames.push(t);
        requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
      probe.watch = watch;
    },

    /** Stops the watch and summarises it; long tasks are those that started while it ran. */
    async stopWatch() {
      const watch = probe.watch;
      const stoppedAt = performance.now();
      watch.on = false;
      watch.mutationObserver.disconnect();
      // Long task entries are delivered lazily: give the last ones a moment, then take what is queued.
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const entry of watch.longTaskObserver.takeRecords()) {
        watch.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
      }
      watch.longTaskObserver.disconnect();
      const longTasks = watch.longTasks.filter((t) => t.startTime >= watch.startedAt && t.startTime <= stoppedAt);
      let maxFrameGapMs = 0;
      for (let i = 1; i < watch.frames.length; i++) {
        maxFrameGapMs = Math.max(maxFrameGapMs, watch.frames[i] - watch.frames[i - 1]);
      }
      probe.watch = null;
      return {
        durationMs: stoppedAt - watch.startedAt,
        longTasks: longTasks.map((t) => ({ startMs: t.startTime - watch.startedAt, durationMs: t.duration })),
        frames: watch.frames.length,
        maxFrameGapMs,
        cursorMoves: watch.cursorMoves,
        nodeMoves: watch.nodeMoves,
      };
    },
  };

  window.addEventListener(
    'keydown',
    () => {
      if (probe.keydownAt === null) probe.keydownAt = now();
    },
    true,
  );
  window.__uiBench = probe;
})();
