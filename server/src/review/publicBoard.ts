import {
  BOARD_LICENSE,
  publicCommitment,
  sortBoard,
  type Board,
  type BoardPlan,
  type Commitment,
  type CommitmentVersion,
  type Mesa,
  type PublicCommitment,
} from '@cocrea/shared';
import type { PlanStore } from '../storage/PlanStore';
import type { CommitmentStore, FollowUpStore, MesaStore, Publication, ReviewStore } from '../storage/Storage';

export type BoardStore = MesaStore &
  CommitmentStore &
  ReviewStore &
  FollowUpStore &
  Pick<PlanStore, 'getMesaPlanId' | 'getPlan'>;

/** A mesa's published version, or null when it has none. */
export async function publishedVersion(
  store: BoardStore,
  mesaId: string,
): Promise<{ mesa: Mesa; version: CommitmentVersion; publishedAt: string } | null> {
  const publication = (await store.listPublications()).find((p) => p.mesaId === mesaId);
  if (!publication) return null;
  const [mesa, version] = await Promise.all([
    store.getMesa(mesaId),
    store.getCommitmentVersion(mesaId, publication.number),
  ]);
  return mesa && version ? { mesa, version, publishedAt: publication.publishedAt } : null;
}

/** The public board: every mesa's published commitment with its activities' current progress. */
export async function loadBoard(store: BoardStore): Promise<Board> {
  const plans = planNames(store);
  const commitments = await Promise.all(
    (await store.listPublications()).map((publication) => loadPublished(store, publication, plans)),
  );
  const shown = sortBoard(commitments.flatMap((c) => (c ? [c] : [])));
  return { license: BOARD_LICENSE, updatedAt: latestChange(shown), commitments: shown };
}

/** One mesa's published commitment as the board shows it, or null when it has none. */
export async function loadPublicCommitment(store: BoardStore, mesaId: string): Promise<PublicCommitment | null> {
  const publication = (await store.listPublications()).find((p) => p.mesaId === mesaId);
  return publication ? loadPublished(store, publication, planNames(store)) : null;
}

async function loadPublished(
  store: BoardStore,
  { mesaId, number, publishedAt }: Publication,
  planOf: (mesaId: string) => Promise<BoardPlan | null>,
): Promise<PublicCommitment | null> {
  const [mesa, commitment, progress, plan] = await Promise.all([
    store.getMesa(mesaId),
    savedContent(store, mesaId, number),
    store.listActivityProgress(mesaId),
    planOf(mesaId),
  ]);
  if (!mesa || !commitment) return null;
  return publicCommitment({ mesa, plan, version: number, publishedAt, commitment, progress });
}

/** How many saved contents {@link savedContent} keeps per store: a plan's commitments many times over. */
const CONTENTS_KEPT = 500;
const contents = new WeakMap<BoardStore, Map<string, Commitment>>();

/**
 * A saved version's commitment. Reading one means parsing and checking its JSON with the commitment schema, most of
 * what a board of 60 costs; but a saved version's content never changes (only its review status does, which the
 * board reads from the publications) and neither does its mesa's title, which migrating an old record may use. So
 * each is read once and kept, in every process alike, the oldest dropped first past {@link CONTENTS_KEPT}.
 */
async function savedContent(store: BoardStore, mesaId: string, number: number): Promise<Commitment | null> {
  let kept = contents.get(store);
  if (!kept) {
    kept = new Map();
    contents.set(store, kept);
  }
  const key = `${mesaId}/${number}`;
  const hit = kept.get(key);
  if (hit) return hit;
  const version = await store.getCommitmentVersion(mesaId, number);
  if (!version) return null;
  if (kept.size >= CONTENTS_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, version.commitment);
  return version.commitment;
}

/** The plan of a mesa by its id, each plan read once per board however many of its mesas are on it. */
function planNames(store: BoardStore): (mesaId: string) => Promise<BoardPlan | null> {
  const plans = new Map<string, Promise<BoardPlan | null>>();
  return async (mesaId) => {
    const planId = await store.getMesaPlanId(mesaId);
    if (planId === null) return null;
    let plan = plans.get(planId);
    if (!plan) {
      plan = store.getPlan(planId).then((p) => p && { id: p.id, title: p.title });
      plans.set(planId, plan);
    }
    return plan;
  };
}

/**
 * The newest instant among what the board shows: a publication or a recorded progress. Unlike the time of the
 * request, it stays the same until the board changes, and so does the response's ETag: a reader polling the board
 * revalidates it for a 304 with no body.
 */
export function latestChange(commitments: readonly PublicCommitment[]): string | null {
  let latest: string | null = null;
  for (const c of commitments) {
    const progress = c.linesOfAction.flatMap((l) => l.activities.map((a) => a.progress.updatedAt));
    for (const at of [c.publishedAt, ...progress]) if (at !== null && (latest === null || at > latest)) latest = at;
  }
  return latest;
}

const mexicoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Mexico_City',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day (YYYY-MM-DD) in central Mexico at `now`: what an activity is late against. */
export function mexicoToday(now: number): string {
  return mexicoDay.format(now);
}
