/**
 * The commitment draft (compromiso) that a mesa's participants write together, live. The only module that knows how
 * it is stored; everything else reads {@link readCommitmentDraft} and writes through the functions below.
 *
 * Storage, in the mesa's Y.Doc, one top-level Y.Map `commitment` shaped like {@link CommitmentDraft}:
 * - every text field is a Y.Text: `title`, `leadInstitution`, `problem`, `longTermObjective`, `commitment`,
 *   `finalResult`, `genderPerspective`, `statePriorities`, `coResponsible` (a Y.Map of `organization` and
 *   `person`), each criterion's `note`;
 * - every list of things is a Y.Array of Y.Maps with a stable `id` and an `order` key: `linesOfAction` (each with
 *   its own `activities`), `responsibles`, `products`, `indicators`, `route`; their text fields are Y.Texts too;
 * - principles and SDGs are Y.Maps used as sets (`'transparencia' → true`, `'16' → true`), so two people ticking
 *   different boxes at once both keep their tick;
 * - `criteria` is a Y.Map of six Y.Maps, `{ met?: boolean, note: Y.Text }`;
 * - chosen values are plain keys of the top-level map: `type`, `theme`, `mesaId`, `problemNodeId`, `startDate`,
 *   `endDate`;
 *   an activity's dates and a route step's months (`startMonth`, `endMonth`, YYYY-MM) are keys of its Y.Map. A
 *   missing key reads as `null`.
 *
 * Order. A list is shown sorted by each item's `order` key (then by id), not by its position in the Y.Array.
 * Moving an item writes one key on that item. The alternative, deleting it and inserting a copy, would drop
 * whatever someone typed into the item meanwhile (their letters go to the deleted original) and would turn two
 * concurrent moves of one item into two copies of it. With keys, concurrent moves of one item resolve to one of
 * them (last writer wins on the key), moves of different items both apply, and a move never touches the texts.
 *
 * Fixed fields and the first edit. If the first person to type in an empty mesa created `problem`'s Y.Text, and so
 * did a second person at the same time, the map would keep one of the two Y.Texts and the other's letters would be
 * lost. So the fixed structure (every fixed Y.Text, Y.Array and Y.Map above) is not created by whoever comes first:
 * every replica applies the same update, built by {@link buildInitialUpdate} under the reserved client id
 * {@link INIT_CLIENT_ID}. Identical items under identical ids are one and the same to Yjs: whoever applies it
 * second, or receives it twice, finds them already there. That update must never change: a test pins its bytes,
 * and a later version that needs another fixed field adds an update under another reserved client id, as
 * {@link buildSecondUpdate} does for the title, the lead institution and the route.
 * (The problem tree uses top-level types instead, which need no such care; here one map keeps the commitment in
 * one place to observe, undo and read.)
 */
import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { commitmentDraftSchema, itemIdSchema, type CommitmentDraft } from '../schema/commitment';
import {
  CRITERION_IDS,
  ODS_NUMBERS,
  type CommitmentType,
  PRINCIPLES,
  odsSchema,
  principleSchema,
  type CriterionId,
  type OdsNumber,
  type Principle,
} from '../schema/commitmentCatalogues';
import { COMMITMENT_FIELD_LABELS, commitmentFieldPattern } from '../schema/commitmentFieldLabels';
import { COMMITMENT_LIMITS } from '../schema/commitmentLimits';
import { MONTH_PATTERN } from '../schema/months';
import type { Theme } from '../schema/mesa';
import { placeAmong } from './orderKey';
import { localOrigin } from './origins';
import { replaceChangedSpan, wellFormed } from './text';

const ROOT = 'commitment';
/** YYYY-MM-DD or `null`, as the draft holds a date. */
const draftDateSchema = commitmentDraftSchema.shape.startDate;

/**
 * The client id under which {@link buildInitialUpdate} creates the fixed structure. Real clients draw theirs at
 * random from 2³²; the chance that one draws this one is negligible.
 */
const INIT_CLIENT_ID = 0x636f6d70; // "comp"
/** The client id of {@link buildSecondUpdate}, the second fixed update. */
const SECOND_CLIENT_ID = 0x636f6d32; // "com2"

/**
 * The origin of the initial update. Not {@link localOrigin}: an undo manager must never undo the structure away,
 * and the first user's undo stack should not start with it.
 */
const initOrigin = Object.freeze({ kind: 'commitment-init' } as const);

const TOP_TEXTS = ['problem', 'longTermObjective', 'commitment', 'finalResult', 'genderPerspective', 'statePriorities'];
/** The top-level texts of the second fixed update (its list is `route`). */
const SECOND_TEXTS = ['title', 'leadInstitution'];
const TOP_LISTS = ['linesOfAction', 'responsibles', 'products', 'indicators'] as const;
/** Every top-level list, the second fixed update's `route` included. */
const ALL_LISTS = [...TOP_LISTS, 'route'] as const;

/** The Y.Text fields of the items of each list. */
const ITEM_TEXTS = {
  linesOfAction: ['title'],
  activities: ['title', 'objective', 'verification'],
  responsibles: ['name', 'position', 'institution'],
  products: ['text'],
  indicators: ['name', 'formula', 'goal'],
  route: ['text'],
} as const;
type ListName = keyof typeof ITEM_TEXTS;

/** A text field of the commitment, in the path form of `missingFields`: list items are named by id. */
export type CommitmentTextPath =
  | 'title'
  | 'leadInstitution'
  | 'problem'
  | 'longTermObjective'
  | 'commitment'
  | 'finalResult'
  | 'genderPerspective'
  | 'statePriorities'
  | 'coResponsible.organization'
  | 'coResponsible.person'
  | `criteria.${CriterionId}.note`
  | `linesOfAction.${string}.title`
  | `linesOfAction.${string}.activities.${string}.${(typeof ITEM_TEXTS.activities)[number]}`
  | `responsibles.${string}.${(typeof ITEM_TEXTS.responsibles)[number]}`
  | `products.${string}.text`
  | `indicators.${string}.${(typeof ITEM_TEXTS.indicators)[number]}`
  | `route.${string}.text`;

const TEXT_PATTERNS: ReadonlySet<string> = new Set([
  ...SECOND_TEXTS,
  ...TOP_TEXTS,
  'coResponsible.organization',
  'coResponsible.person',
  'criteria.*.note',
  'linesOfAction.*.title',
  ...ITEM_TEXTS.activities.map((field) => `linesOfAction.*.activities.*.${field}`),
  ...ITEM_TEXTS.responsibles.map((field) => `responsibles.*.${field}`),
  'products.*.text',
  ...ITEM_TEXTS.indicators.map((field) => `indicators.*.${field}`),
  'route.*.text',
]);

/** Whether a field path (say, one `missingFields` reported) names a text field, to focus it or edit it. */
export function isCommitmentTextPath(path: string): path is CommitmentTextPath {
  const segments = path.split('.');
  return (
    TEXT_PATTERNS.has(commitmentFieldPattern(path)) &&
    segments.every((segment) => segment !== '') &&
    (segments[0] !== 'criteria' || (CRITERION_IDS as readonly string[]).includes(segments[1]!))
  );
}

/** Why an accessor refused an edit. */
export type CommitmentEditErrorCode = 'unknown-item' | 'unknown-field' | 'list-full' | 'invalid-value';

/**
 * An edit the commitment refuses; nothing was written. The UI offers only valid edits, so this means a stale view
 * (someone else just removed the item) or a bug; `message` is in Spanish for whoever ends up seeing it.
 */
export class CommitmentEditError extends Error {
  constructor(
    readonly code: CommitmentEditErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CommitmentEditError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/**
 * The draft as plain data, valid for {@link commitmentDraftSchema} whatever the document holds: values of the wrong
 * type or shape (which no accessor writes) read as empty, an item without a valid id is left out, and of items
 * sharing an id only the first in the Y.Array is shown. Reading never writes, so a viewer of an empty mesa leaves
 * the document untouched.
 */
export function readCommitmentDraft(doc: Y.Doc): CommitmentDraft {
  const root = doc.getMap<unknown>(ROOT);
  const coResponsible = asMap(root.get('coResponsible'));
  const criteria = asMap(root.get('criteria'));
  const principles = asMap(root.get('principles'));
  const ods = asMap(root.get('ods'));
  const scalar = <K extends 'type' | 'theme' | 'mesaId' | 'problemNodeId' | 'startDate' | 'endDate'>(key: K) => {
    const parsed = commitmentDraftSchema.shape[key].safeParse(root.get(key) ?? null);
    return parsed.success ? (parsed.data as CommitmentDraft[K]) : null;
  };

  return {
    title: textOf(root, 'title'),
    type: scalar('type'),
    leadInstitution: textOf(root, 'leadInstitution'),
    theme: scalar('theme'),
    mesaId: scalar('mesaId'),
    problem: textOf(root, 'problem'),
    problemNodeId: scalar('problemNodeId'),
    longTermObjective: textOf(root, 'longTermObjective'),
    commitment: textOf(root, 'commitment'),
    linesOfAction: itemsOf(root.get('linesOfAction')).map(({ id, map }) => ({
      id,
      title: textOf(map, 'title'),
      meansId: idOrNull(map.get('meansId')),
      activities: itemsOf(map.get('activities')).map((activity) => ({
        id: activity.id,
        title: textOf(activity.map, 'title'),
        objective: textOf(activity.map, 'objective'),
        verification: textOf(activity.map, 'verification'),
        startDate: dateOrNull(activity.map.get('startDate')),
        endDate: dateOrNull(activity.map.get('endDate')),
      })),
    })),
    responsibles: itemsOf(root.get('responsibles')).map(({ id, map }) => ({
      id,
      name: textOf(map, 'name'),
      position: textOf(map, 'position'),
      institution: textOf(map, 'institution'),
    })),
    coResponsible: { organization: textOf(coResponsible, 'organization'), person: textOf(coResponsible, 'person') },
    finalResult: textOf(root, 'finalResult'),
    products: itemsOf(root.get('products')).map(({ id, map }) => ({ id, text: textOf(map, 'text') })),
    indicators: itemsOf(root.get('indicators')).map(({ id, map }) => ({
      id,
      name: textOf(map, 'name'),
      formula: textOf(map, 'formula'),
      goal: textOf(map, 'goal'),
    })),
    startDate: scalar('startDate'),
    endDate: scalar('endDate'),
    route: itemsOf(root.get('route')).map(({ id, map }) => ({
      id,
      text: textOf(map, 'text'),
      startMonth: monthOrNull(map.get('startMonth')),
      endMonth: monthOrNull(map.get('endMonth')),
    })),
    principles: (Object.keys(PRINCIPLES) as Principle[]).filter((principle) => principles?.get(principle) === true),
    ods: ODS_NUMBERS.filter((n) => ods?.get(String(n)) === true),
    genderPerspective: textOf(root, 'genderPerspective'),
    statePriorities: textOf(root, 'statePriorities'),
    criteria: Object.fromEntries(
      CRITERION_IDS.map((id) => {
        const criterion = asMap(criteria?.get(id));
        const met = criterion?.get('met');
        return [id, { met: typeof met === 'boolean' ? met : null, note: textOf(criterion, 'note') }];
      }),
    ) as CommitmentDraft['criteria'],
  };
}

/** Calls `onChange` after every transaction that changed the commitment; returns the unsubscribe function. */
export function observeCommitment(doc: Y.Doc, onChange: () => void): () => void {
  const root = doc.getMap<unknown>(ROOT);
  // A deep observer runs once per transaction with all its events, however many fields the transaction touched.
  const handler = () => onChange();
  root.observeDeep(handler);
  return () => root.unobserveDeep(handler);
}

/**
 * The commitment's undo history of one person: their own edits ({@link localOrigin}), in every field of the draft,
 * never another's. Yjs merges edits made within 500 ms into one step; another person's edit arriving in between
 * ends the step, so "ANA1 ", then someone's "BETO1 ", then "ANA2 " are two steps of Ana's however fast they came.
 */
class CommitmentUndoManager extends Y.UndoManager {
  private readonly endStepOnRemoteEdit = (transaction: Y.Transaction) => {
    if (!transaction.local && transaction.changedParentTypes.size > 0) this.stopCapturing();
  };

  constructor(doc: Y.Doc) {
    super(doc.getMap(ROOT), { trackedOrigins: new Set([localOrigin]) });
    doc.on('afterTransaction', this.endStepOnRemoteEdit);
  }

  override destroy(): void {
    this.doc.off('afterTransaction', this.endStepOnRemoteEdit);
    super.destroy();
  }
}

/** An undo manager for the commitment that undoes this user's edits ({@link localOrigin}) and never a remote one. */
export function createCommitmentUndoManager(doc: Y.Doc): Y.UndoManager {
  return new CommitmentUndoManager(doc);
}

// ---------------------------------------------------------------------------------------------------------------
// Texts

/**
 * The Y.Text of a text field, to bind an editor to, observe it or anchor remote cursors. Write through
 * {@link setCommitmentText}, so that the edit carries {@link localOrigin}.
 */
export function commitmentText(doc: Y.Doc, path: CommitmentTextPath): Y.Text {
  if (!isCommitmentTextPath(path)) throw new CommitmentEditError('unknown-field', 'El campo no existe.');
  let node: unknown = rootOf(doc);
  for (const segment of path.split('.')) {
    if (node instanceof Y.Array) {
      node = itemsOf(node).find((item) => item.id === segment)?.map;
      if (node === undefined) throw new CommitmentEditError('unknown-item', 'El elemento ya no existe.');
    } else {
      node = asMap(node)?.get(segment);
    }
  }
  if (!(node instanceof Y.Text)) throw new CommitmentEditError('unknown-field', 'El campo no existe.');
  return node;
}

/**
 * Makes a text field `value` by replacing only the span that differs: an input hands over its whole new value, and
 * rewriting all of it would delete what someone else typed in the same field meanwhile. A lone surrogate is
 * stored as U+FFFD (see {@link wellFormed}).
 */
export function setCommitmentText(doc: Y.Doc, path: CommitmentTextPath, value: string): void {
  replaceChangedSpan(commitmentText(doc, path), value);
}

// ---------------------------------------------------------------------------------------------------------------
// Chosen values

/** The commitment's chosen values, each `null` when not chosen. Dates are YYYY-MM-DD. */
export interface CommitmentFields {
  type: CommitmentType | null;
  theme: Theme | null;
  mesaId: string | null;
  problemNodeId: string | null;
  startDate: string | null;
  endDate: string | null;
}

/** Sets (or with `null` clears) one chosen value; refuses a value the draft schema would not read back. */
export function setCommitmentField<K extends keyof CommitmentFields>(
  doc: Y.Doc,
  field: K,
  value: CommitmentFields[K],
): void {
  const parsed = commitmentDraftSchema.shape[field].safeParse(value);
  if (!parsed.success) {
    throw new CommitmentEditError('invalid-value', `${COMMITMENT_FIELD_LABELS[field]}: el valor no es válido.`);
  }
  const root = rootOf(doc);
  doc.transact(() => {
    if (parsed.data === null) root.delete(field);
    else root.set(field, parsed.data);
  }, localOrigin);
}

/** Sets (or with `null` clears) an activity's start and end dates; a date left out stays as it is. */
export function setActivityDates(
  doc: Y.Doc,
  activityId: string,
  dates: { startDate?: string | null; endDate?: string | null },
): void {
  for (const value of [dates.startDate, dates.endDate]) {
    if (value !== undefined && !draftDateSchema.safeParse(value).success) {
      throw new CommitmentEditError('invalid-value', 'La fecha debe tener el formato AAAA-MM-DD y existir.');
    }
  }
  const { map, list } = locate(rootOf(doc), activityId);
  if (list !== 'activities') throw new CommitmentEditError('unknown-item', 'La actividad ya no existe.');
  doc.transact(() => {
    for (const key of ['startDate', 'endDate'] as const) {
      const value = dates[key];
      if (value === null) map.delete(key);
      else if (value !== undefined) map.set(key, value);
    }
  }, localOrigin);
}

/**
 * Makes the chosen open-government principles exactly `principles`, writing only the ones that change: a
 * concurrent tick of another principle survives.
 */
export function setPrinciples(doc: Y.Doc, principles: readonly Principle[]): void {
  for (const principle of principles) {
    if (!principleSchema.safeParse(principle).success) {
      throw new CommitmentEditError('invalid-value', 'El principio no es válido.');
    }
  }
  const set = fixedMap(rootOf(doc), 'principles');
  const wanted = new Set(principles);
  doc.transact(() => {
    for (const principle of Object.keys(PRINCIPLES) as Principle[]) {
      if (wanted.has(principle) && set.get(principle) !== true) set.set(principle, true);
      else if (!wanted.has(principle) && set.has(principle)) set.delete(principle);
    }
  }, localOrigin);
}

/** Ticks or unticks one Sustainable Development Goal. */
export function toggleOds(doc: Y.Doc, ods: OdsNumber): void {
  if (!odsSchema.safeParse(ods).success) throw new CommitmentEditError('invalid-value', 'El ODS no es válido.');
  const set = fixedMap(rootOf(doc), 'ods');
  const key = String(ods);
  doc.transact(() => {
    if (set.get(key) === true) set.delete(key);
    else set.set(key, true);
  }, localOrigin);
}

/** Records the group's answer to "does the commitment meet criterion `id`?"; `null` takes the answer back. */
export function setCriterionAssessment(doc: Y.Doc, id: CriterionId, met: boolean | null): void {
  if (!CRITERION_IDS.includes(id)) throw new CommitmentEditError('invalid-value', 'El criterio no existe.');
  const criterion = fixedMap(fixedMap(rootOf(doc), 'criteria'), id);
  doc.transact(() => {
    if (met === null) criterion.delete('met');
    else criterion.set('met', met);
  }, localOrigin);
}

// ---------------------------------------------------------------------------------------------------------------
// Lists

/** Adds a line of action at the end; returns its id. */
export function addLineOfAction(doc: Y.Doc, title = ''): string {
  const root = rootOf(doc);
  const id = uuidv4();
  doc.transact(() => appendItem(fixedArray(root, 'linesOfAction'), 'linesOfAction', id, { title }), localOrigin);
  return id;
}

/** Adds an activity at the end of a line of action; returns its id. */
export function addActivity(doc: Y.Doc, lineId: string, title = ''): string {
  const { map, list } = locate(rootOf(doc), lineId);
  if (list !== 'linesOfAction') throw new CommitmentEditError('unknown-item', 'La línea de acción ya no existe.');
  const activities = map.get('activities');
  if (!(activities instanceof Y.Array)) {
    throw new CommitmentEditError('unknown-item', 'La línea de acción ya no existe.');
  }
  const id = uuidv4();
  doc.transact(() => appendItem(activities, 'activities', id, { title }), localOrigin);
  return id;
}

/** Adds a responsible public servant at the end (name, position and institution to fill in); returns its id. */
export function addResponsible(doc: Y.Doc): string {
  const root = rootOf(doc);
  const id = uuidv4();
  doc.transact(() => appendItem(fixedArray(root, 'responsibles'), 'responsibles', id, {}), localOrigin);
  return id;
}

/** Adds an expected product at the end; returns its id. */
export function addProduct(doc: Y.Doc, text = ''): string {
  const root = rootOf(doc);
  const id = uuidv4();
  doc.transact(() => appendItem(fixedArray(root, 'products'), 'products', id, { text }), localOrigin);
  return id;
}

/** Adds an indicator at the end; returns its id. */
export function addIndicator(doc: Y.Doc, name = ''): string {
  const root = rootOf(doc);
  const id = uuidv4();
  doc.transact(() => appendItem(fixedArray(root, 'indicators'), 'indicators', id, { name }), localOrigin);
  return id;
}

/** Adds a step at the end of the route to fulfilment; returns its id. */
export function addRouteStep(doc: Y.Doc, text = ''): string {
  const root = rootOf(doc);
  const id = uuidv4();
  doc.transact(() => appendItem(fixedArray(root, 'route'), 'route', id, { text }), localOrigin);
  return id;
}

/**
 * Sets (or with `null` clears) a route step's first and last month, YYYY-MM; a month left out stays as it is. Two
 * keys of the step's map: one person choosing the start while another chooses the end keeps both.
 */
export function setRouteStepMonths(
  doc: Y.Doc,
  stepId: string,
  months: { startMonth?: string | null; endMonth?: string | null },
): void {
  for (const value of [months.startMonth, months.endMonth]) {
    if (typeof value === 'string' && !MONTH_PATTERN.test(value)) {
      throw new CommitmentEditError('invalid-value', 'El mes debe tener el formato AAAA-MM.');
    }
  }
  const { map, list } = locate(rootOf(doc), stepId);
  if (list !== 'route') throw new CommitmentEditError('unknown-item', 'El paso ya no existe.');
  doc.transact(() => {
    for (const key of ['startMonth', 'endMonth'] as const) {
      const value = months[key];
      if (value === null) map.delete(key);
      else if (value !== undefined) map.set(key, value);
    }
  }, localOrigin);
}

/**
 * Pre-fills lines of action from the objectives tree's chosen means (Etapa 4: "¿Qué medios y fines son
 * necesarios…?"): one line per means, its text as the line's wording, in the order given, after the existing
 * lines. A means that already has a line is skipped, so filling twice adds nothing. Two people filling at the same
 * moment both add their lines; the duplicates show, and one of them can remove them. Returns the new lines' ids.
 */
export function fillLinesFromMeans(doc: Y.Doc, means: readonly { id: string; text: string }[]): string[] {
  for (const { id } of means) {
    if (!itemIdSchema.safeParse(id).success) {
      throw new CommitmentEditError('invalid-value', 'El medio del árbol no es válido.');
    }
  }
  const root = rootOf(doc);
  const lines = fixedArray(root, 'linesOfAction');
  const linked = new Set(itemsOf(lines).map(({ map }) => map.get('meansId')));
  const fresh = means.filter(({ id }, i) => !linked.has(id) && means.findIndex((m) => m.id === id) === i);
  if (itemsOf(lines).length + fresh.length > COMMITMENT_LIMITS.items) throw listFull();
  const ids = fresh.map(() => uuidv4());
  doc.transact(() => {
    fresh.forEach(({ id, text }, i) => appendItem(lines, 'linesOfAction', ids[i]!, { title: text }).set('meansId', id));
  }, localOrigin);
  return ids;
}

/**
 * Removes a line of action (with its activities), an activity, a servant, a product or an indicator. A removal
 * wins over concurrent edits of the removed item.
 */
export function removeItem(doc: Y.Doc, itemId: string): void {
  const root = rootOf(doc);
  const found = locateAll(root, itemId);
  if (found.length === 0) throw new CommitmentEditError('unknown-item', 'El elemento ya no existe.');
  doc.transact(() => {
    // Every copy, not only the one shown: a hidden duplicate would otherwise surface in its place.
    for (const { array, map } of found) {
      const index = array.toArray().indexOf(map);
      if (index >= 0) array.delete(index, 1);
    }
  }, localOrigin);
}

/** Moves an item to position `index` (clamped; `NaN` means last) of its own list, as the list is shown. */
export function moveItem(doc: Y.Doc, itemId: string, index: number): void {
  const { array, map } = locate(rootOf(doc), itemId);
  const items = itemsOf(array);
  const current = items.findIndex((item) => item.id === itemId);
  const siblings = items.filter((item) => item.id !== itemId);
  const target = Number.isNaN(index) ? siblings.length : Math.min(Math.max(Math.trunc(index), 0), siblings.length);
  // Rewriting the key of an item that stays put would needlessly win over someone else's concurrent move of it.
  if (current === target) return;
  doc.transact(() => map.set('order', placeAmong(siblings, target)), localOrigin);
}

// ---------------------------------------------------------------------------------------------------------------
// Internals

/** A list item that passed validation, with what sorting and editing need. */
interface Entry {
  readonly id: string;
  readonly order: string;
  readonly map: Y.Map<unknown>;
}

/** Where an item is stored. */
interface Location {
  readonly list: ListName;
  readonly array: Y.Array<unknown>;
  readonly map: Y.Map<unknown>;
}

/**
 * The update that creates the fixed structure, the same bytes on every replica (see the module comment). Frozen:
 * a change here would give different items the same ids on different replicas.
 */
function buildInitialUpdate(): Uint8Array {
  const scratch = new Y.Doc();
  scratch.clientID = INIT_CLIENT_ID;
  const root = scratch.getMap<unknown>(ROOT);
  scratch.transact(() => {
    for (const key of TOP_TEXTS) root.set(key, new Y.Text());
    const coResponsible = root.set('coResponsible', new Y.Map<unknown>());
    coResponsible.set('organization', new Y.Text());
    coResponsible.set('person', new Y.Text());
    for (const key of TOP_LISTS) root.set(key, new Y.Array<unknown>());
    root.set('principles', new Y.Map<unknown>());
    root.set('ods', new Y.Map<unknown>());
    const criteria = root.set('criteria', new Y.Map<unknown>());
    for (const id of CRITERION_IDS) criteria.set(id, new Y.Map<unknown>()).set('note', new Y.Text());
  });
  return Y.encodeStateAsUpdate(scratch);
}

/**
 * The second fixed update: the title and lead institution (Y.Texts) and the route (a Y.Array). Its items hang from
 * the top-level map by name, so it applies whether or not a replica has the first one. Frozen, like
 * {@link buildInitialUpdate}.
 */
function buildSecondUpdate(): Uint8Array {
  const scratch = new Y.Doc();
  scratch.clientID = SECOND_CLIENT_ID;
  const root = scratch.getMap<unknown>(ROOT);
  scratch.transact(() => {
    for (const key of SECOND_TEXTS) root.set(key, new Y.Text());
    root.set('route', new Y.Array<unknown>());
  });
  return Y.encodeStateAsUpdate(scratch);
}

let initialUpdate: Uint8Array | undefined;
let secondUpdate: Uint8Array | undefined;

/** The top-level map, with the fixed structure applied first if this replica has not seen it yet. */
function rootOf(doc: Y.Doc): Y.Map<unknown> {
  if (Y.getState(doc.store, INIT_CLIENT_ID) === 0) {
    Y.applyUpdate(doc, (initialUpdate ??= buildInitialUpdate()), initOrigin);
  }
  if (Y.getState(doc.store, SECOND_CLIENT_ID) === 0) {
    Y.applyUpdate(doc, (secondUpdate ??= buildSecondUpdate()), initOrigin);
  }
  return doc.getMap<unknown>(ROOT);
}

function fixedArray(root: Y.Map<unknown>, key: (typeof ALL_LISTS)[number]): Y.Array<unknown> {
  const value = root.get(key);
  if (!(value instanceof Y.Array)) throw new CommitmentEditError('unknown-field', 'El campo no existe.');
  return value;
}

function fixedMap(parent: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const value = asMap(parent.get(key));
  if (value === undefined) throw new CommitmentEditError('unknown-field', 'El campo no existe.');
  return value;
}

function asMap(value: unknown): Y.Map<unknown> | undefined {
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : undefined;
}

function textOf(map: Y.Map<unknown> | undefined, key: string): string {
  const value = map?.get(key);
  return value instanceof Y.Text ? value.toString() : '';
}

function idOrNull(value: unknown): string | null {
  return itemIdSchema.safeParse(value).success ? (value as string) : null;
}

function monthOrNull(value: unknown): string | null {
  return typeof value === 'string' && MONTH_PATTERN.test(value) ? value : null;
}

function dateOrNull(value: unknown): string | null {
  const parsed = draftDateSchema.safeParse(value ?? null);
  return parsed.success ? parsed.data : null;
}

/**
 * A list's items as shown: valid Y.Maps with a valid id, the first of each id in the Y.Array, sorted by order key
 * then id. Code-unit comparison, never localeCompare: the order must not depend on a replica's locale. Two items
 * added at the same place at once get the same key; their ids break the tie the same way everywhere.
 */
function itemsOf(value: unknown): Entry[] {
  if (!(value instanceof Y.Array)) return [];
  const seen = new Set<string>();
  const entries: Entry[] = [];
  for (const item of value.toArray()) {
    const map = asMap(item);
    const id = map?.get('id');
    if (map === undefined || typeof id !== 'string' || !itemIdSchema.safeParse(id).success || seen.has(id)) continue;
    seen.add(id);
    const order = map.get('order');
    entries.push({ id, map, order: typeof order === 'string' ? order : '' });
  }
  return entries.sort((a, b) => (a.order !== b.order ? (a.order < b.order ? -1 : 1) : a.id < b.id ? -1 : 1));
}

function locateAll(root: Y.Map<unknown>, id: string): Location[] {
  const found: Location[] = [];
  const search = (array: unknown, list: ListName) => {
    if (!(array instanceof Y.Array)) return;
    for (const item of array.toArray()) {
      const map = asMap(item);
      if (map === undefined) continue;
      if (map.get('id') === id) found.push({ list, array, map });
      if (list === 'linesOfAction') search(map.get('activities'), 'activities');
    }
  };
  for (const list of ALL_LISTS) search(root.get(list), list);
  return found;
}

/** The item as shown: the first of its id in the Y.Array, like {@link itemsOf}. */
function locate(root: Y.Map<unknown>, id: string): Location {
  const location = locateAll(root, id).find(({ array, map }) => itemsOf(array).some((entry) => entry.map === map));
  if (location === undefined) throw new CommitmentEditError('unknown-item', 'El elemento ya no existe.');
  return location;
}

function listFull(): CommitmentEditError {
  return new CommitmentEditError('list-full', `La lista admite como máximo ${COMMITMENT_LIMITS.items} elementos.`);
}

/** Creates an item at the end of `array`, its text fields filled from `texts`; returns its map. In a transaction. */
function appendItem(
  array: Y.Array<unknown>,
  list: ListName,
  id: string,
  texts: Partial<Record<string, string>>,
): Y.Map<unknown> {
  const siblings = itemsOf(array);
  if (siblings.length >= COMMITMENT_LIMITS.items) throw listFull();
  const map = new Y.Map<unknown>();
  map.set('id', id);
  map.set('order', placeAmong(siblings, siblings.length));
  for (const field of ITEM_TEXTS[list]) map.set(field, new Y.Text(wellFormed(texts[field] ?? '')));
  if (list === 'linesOfAction') map.set('activities', new Y.Array<unknown>());
  array.push([map]);
  return map;
}
