import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '@cocrea/e2e/chromium';

/** The probes every page gets before its own scripts run; see pageProbe.js. */
const PROBE_SCRIPT = readFileSync(new URL('./pageProbe.js', import.meta.url), 'utf8');

/** Launches Chromium as the browser tests do, headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/** One person: their own browser context (own storage and IndexedDB) with one page, joined to the mesa. */
export async function joinAsParticipant(browser: Browser, link: string, name: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'es-MX',
    timezoneId: 'America/Mexico_City',
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Nombre').fill(name);
  await page.getByLabel('Sector').selectOption('sociedad-civil');
  await page.getByLabel('Organización o institución').fill('Colectivo Ciudadano');
  await page.getByLabel(/Acepto la regla de Chatham House/).check();
  await page.getByRole('button', { name: 'Entrar a la mesa' }).click();
  await page.getByRole('status').filter({ hasText: 'Todos los cambios guardados' }).waitFor({ timeout: 20_000 });
  return page;
}

/** Waits until the page's canvas shows `count` nodes. */
export async function waitForCanvasNodes(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => (globalThis as unknown as ProbeHost).document.querySelectorAll('.react-flow__node').length === n,
    count,
    { timeout: 20_000 },
  );
}

/** The page-side probes (pageProbe.js), as typed calls from Node. */
export interface Probe {
  keydownAt: number | null;
  now(): number;
  clockOffset(): number;
  centralNodes(count: number): CanvasNode[];
  armKeydown(): void;
  expectText(nodeId: string, expected: string): void;
  seen(timeoutMs: number): Promise<TextSeen | null>;
  startWatch(): void;
  stopWatch(): Promise<WatchSummary>;
}

/** A node as `centralNodes` finds it: centre in page pixels, position in flow coordinates. */
export interface CanvasNode {
  id: string;
  text: string;
  x: number;
  y: number;
  width: number;
  flow: { x: number; y: number };
}

export interface TextSeen {
  domAt: number;
  frameAt: number;
  paintAt: number;
}

export interface WatchSummary {
  durationMs: number;
  longTasks: { startMs: number; durationMs: number }[];
  frames: number;
  maxFrameGapMs: number;
  cursorMoves: number;
  nodeMoves: number;
}

/** What page.evaluate callbacks see as globalThis: only what they use, since bench/ compiles without the DOM lib. */
export interface ProbeHost {
  __uiBench: Probe;
  document: { querySelectorAll(selector: string): { length: number } };
}
