import type { Browser, Page } from '@playwright/test';
import { seed004Commitment } from '@cocrea/shared/fixtures/seed004';
import { distribution, roundMs } from '../percentiles';
import type { AppServer, UiMesa } from './appServer';
import { joinAsParticipant } from './browser';

export interface ReviewNoticeResult {
  /** Open pages of the mesa, each a participant in a browser context of their own. */
  pages: number;
  /** Review moves made; each should reach every page. */
  moves: number;
  samples: number;
  /** Moves a page had not shown within the wait. */
  missed: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** How long a page may take to show a notice before it counts as missed. */
const MISS_AFTER_MS = 10_000;

/**
 * The STL moves a saved version through its review (en revisión ↔ con observaciones) while `pages` people have the
 * mesa open: from just before the STL's call to the notice being in each page's DOM (its polite live region), read
 * with the page's own clock, which is the machine's, as Node's is.
 */
export async function measureReviewNotice(
  browser: Browser,
  server: AppServer,
  mesa: UiMesa,
  pages: number,
  moves: number,
): Promise<ReviewNoticeResult> {
  const open: Page[] = [];
  // A few at a time: 25 joins at once would measure the machine's start-up, not the notices.
  for (let i = 0; i < pages; i += 5) {
    const count = Math.min(5, pages - i);
    open.push(
      ...(await Promise.all(
        Array.from({ length: count }, (_, k) =>
          joinAsParticipant(browser, mesa.participantLink, `Persona ${i + k + 1}`),
        ),
      )),
    );
  }
  const saved = await call(server, `/api/mesas/${mesa.id}/commitment/versions`, mesa.facilitatorToken, {
    commitment: { ...structuredClone(seed004Commitment), mesaId: mesa.id },
  });
  const { number } = (await saved.json()) as { number: number };

  const samples: number[] = [];
  let missed = 0;
  let from = 'borrador';
  for (let move = 0; move < moves; move++) {
    const to = from === 'en_revision' ? 'con_observaciones' : 'en_revision';
    await Promise.all(open.map((page) => page.evaluate(armNoticeWatch)));
    const sentAt = Date.now();
    await call(server, `/api/review/mesas/${mesa.id}/versions/${number}/status`, server.adminToken, {
      status: to,
      from,
    });
    from = to;
    const seenAt = await Promise.all(
      open.map((page) =>
        page
          .waitForFunction(() => (globalThis as unknown as NoticeHost).__noticeSeenAt, undefined, {
            timeout: MISS_AFTER_MS,
          })
          .then((handle) => handle.jsonValue() as Promise<number>)
          .catch(() => null),
      ),
    );
    for (const at of seenAt) {
      if (at === null) missed++;
      else samples.push(at - sentAt);
    }
  }
  await Promise.all(open.map((page) => page.context().close()));
  const { p50Ms, p95Ms, maxMs } = distribution(samples);
  return { pages, moves, samples: samples.length, missed, p50Ms: roundMs(p50Ms), p95Ms, maxMs };
}

interface NoticeHost {
  __noticeSeenAt: number | null;
}

/** Runs in the page: notes the wall-clock time at which the next notice is added to the live region. */
function armNoticeWatch(): void {
  const host = globalThis as unknown as NoticeHost & {
    document: { querySelector(selector: string): unknown };
    MutationObserver: new (callback: (records: { addedNodes: ArrayLike<unknown> }[]) => void) => {
      observe(target: unknown, options: { childList: boolean }): void;
      disconnect(): void;
    };
  };
  host.__noticeSeenAt = null;
  // The notices' list, inside the polite live region (`client/src/features/notices/Notices.tsx`).
  const list = host.document.querySelector('.notices [role="status"] ul');
  const observer = new host.MutationObserver((records) => {
    if (records.every((record) => record.addedNodes.length === 0)) return;
    host.__noticeSeenAt = Date.now();
    observer.disconnect();
  });
  observer.observe(list, { childList: true });
}

async function call(server: AppServer, path: string, token: string, body: unknown): Promise<Response> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res;
}
