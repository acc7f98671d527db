import type { CDPSession, Page } from '@playwright/test';

/** Main-thread work of a page between two readings, from Chromium's own counters (CDP Performance domain). */
export interface MainThreadWork {
  /** CPU time of the renderer's main thread: unlike wall time, it does not grow when other processes take the CPU. */
  cpuMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  styleRecalcs: number;
  layouts: number;
}

type Metrics = Record<string, number>;

/** Reads a page's main-thread counters; `sinceStart()` gives the work done since `start()`. */
export class MainThreadMeter {
  private start: Metrics = {};

  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<MainThreadMeter> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    return new MainThreadMeter(cdp);
  }

  async reset(): Promise<void> {
    this.start = await this.read();
  }

  async sinceStart(): Promise<MainThreadWork> {
    const now = await this.read();
    const delta = (name: string) => (now[name] ?? 0) - (this.start[name] ?? 0);
    return {
      // ThreadTime and the *Duration metrics are in seconds.
      cpuMs: delta('ThreadTime') * 1000,
      scriptMs: delta('ScriptDuration') * 1000,
      styleMs: delta('RecalcStyleDuration') * 1000,
      layoutMs: delta('LayoutDuration') * 1000,
      styleRecalcs: delta('RecalcStyleCount'),
      layouts: delta('LayoutCount'),
    };
  }

  private async read(): Promise<Metrics> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  }
}
