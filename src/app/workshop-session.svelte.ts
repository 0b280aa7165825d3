import { SvelteSet } from 'svelte/reactivity';
import type * as Y from 'yjs';
import { createBoard, deleteBoard, listBoards, moveBoard, updateBoard, type Board, type BoardType, type BoardWordChanges } from '../core/boards';
import { roomSeats, tableResults, type Breakout, type TableResult } from '../core/breakout';
import { ensureGroup, listGroups, type Group } from '../core/groups';
import { addItem, deleteItem, editItem, getItem, listItems, restoreItem, type Item } from '../core/items';
import { getMeta, updateMeta, type EditableMeta, type WorkshopMeta } from '../core/meta';
import { listParticipants, participantsOf, upsertParticipant, type Participant } from '../core/participants';
import { participation, type Participation } from '../core/participation';
import type { Result } from '../core/result';
import { boardMapOf, groupsOf, itemsOf, migrate } from '../core/schema';
import { addNote as addSwotNote, type Quadrant } from '../core/swot';
import type { Seat } from '../core/tables';
import { createUndo } from '../core/undo';
import { errorMessage } from '../i18n/i18n';
import type { Role } from '../storage/db';
import type { SyncStatus, WorkshopSync } from '../sync/connection';
import type { Transports } from '../sync/transports';
import { newId } from '../core/ids';
import type { WorkshopSummary } from '../storage/workshop-store';
import type { Services } from './services.svelte';
import { BUILD_SIGNALING, ICE_SERVERS } from './sync-config';
import { DocView, YView } from './y-view.svelte';

import { lazy } from '../core/lazy';
import { outcome, type Outcome } from './outcome';
import type { Facilitation } from './facilitation.svelte';
import { RecentlyDeleted } from './recently-deleted.svelte';

export { outcome, type Outcome };

const SUMMARY_DELAY_MS = 300;

/** This device's participant as the author of a change. */
export interface Author {
  createdBy: string;
  group: string;
}

/** What one write runs with. Reading `author` registers this device's participant and group in
 *  the same transaction (once), so a change and its author reach other devices together. */
export interface Write {
  readonly doc: Y.Doc;
  readonly origin: unknown;
  readonly author: Author;
}

/** Writes to one board: each `run` is one transaction of this device. */
export interface BoardWriter {
  readonly boardId: string;
  run<T, E extends string>(op: (w: Write & { readonly boardId: string }) => Result<T, E>): Result<T, E>;
}

/** The secret and hub this workshop syncs with, and whether this device registers the room. */
interface SyncLink { secret: string; hub: string | null; fallbackHubs: readonly string[]; register: boolean }

/** The parts of `Services` a session uses. */
export type SessionServices = Pick<Services, 'profile' | 'store' | 'hubKnown' | 'transports' | 'deletedEntries'>;

/** One open workshop: its document, the views the screens read, and the changes they make.
 *  Every write carries `origin`, which marks it as this device's (undo will scope on it). */
export class WorkshopSession {
  readonly origin = { local: true };
  /** This device's writes that its undo must not take back (a facilitator's reveal). */
  readonly untrackedOrigin = { local: true, undo: false };
  readonly meta: DocView<WorkshopMeta>;
  readonly boards: DocView<Board[]>;
  readonly groups: DocView<Group[]>;
  readonly participants: DocView<Participant[]>;
  /** Set when the document comes from a newer app: the screen says so and offers no editing. */
  readonly newerSchema: boolean;
  readonly sync: WorkshopSync;
  syncStatus = $state<SyncStatus>({ hub: 'off', peers: 0, pending: 0, pendingIds: new Set(), people: [], encrypted: false, refused: null });
  readonly secret: string;
  /** The hub this workshop syncs with, if any. */
  readonly hub: string | null;
  readonly facilitation: Facilitation;
  readonly deleted: RecentlyDeleted;
  readonly #stopSync: () => void;
  /** The entries with unconfirmed changes, tracked per entry: a card re-renders when its own
   *  mark changes, not at every change of the sync status. */
  readonly #pending = new SvelteSet<string>();
  #summaryTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #onUpdate = () => {
    clearTimeout(this.#summaryTimer);
    this.#summaryTimer = setTimeout(() => this.#writeSummary(), SUMMARY_DELAY_MS);
  };

  private constructor(
    readonly id: string,
    readonly role: Role,
    readonly doc: Y.Doc,
    private readonly services: SessionServices,
    private readonly release: () => void,
    link: SyncLink,
    Sync: typeof WorkshopSync,
    transports: Transports | undefined,
    makeFacilitation: (doc: Y.Doc, sync: WorkshopSync, origin: unknown, untrackedOrigin: unknown) => Facilitation,
  ) {
    this.newerSchema = !migrate(doc, this.origin).ok;
    this.secret = link.secret;
    this.hub = link.hub;
    this.deleted = new RecentlyDeleted(doc, services.deletedEntries, id, this.origin);
    const { relay, peers } = services.transports;
    this.sync = new Sync(doc, {
      workshopId: id, secret: link.secret, hub: link.hub, fallbackHubs: link.fallbackHubs, register: link.register, signaling: BUILD_SIGNALING, relay, peers, iceServers: ICE_SERVERS,
      lead: role === 'facilitator',
      own: (origin) => origin === this.origin || origin === this.untrackedOrigin, transports,
    });
    this.facilitation = makeFacilitation(doc, this.sync, this.origin, this.untrackedOrigin);
    this.announce();
    this.#stopSync = this.sync.subscribe((status) => {
      if (status.pendingIds !== this.syncStatus.pendingIds) this.#setPending(status.pendingIds);
      this.syncStatus = status;
    });
    this.meta = new DocView(doc, () => getMeta(doc));
    this.boards = new DocView(doc, () => listBoards(doc));
    this.groups = new DocView(doc, () => listGroups(doc));
    this.participants = new DocView(doc, () => listParticipants(doc));
    doc.on('update', this.#onUpdate);
  }

  /** `transports` replaces the network in tests. */
  static async open(services: SessionServices, id: string, transports?: Transports): Promise<WorkshopSession | undefined> {
    const summary = await services.store.get(id);
    const opened = await services.store.open(id);
    if (!opened || !summary) return undefined;
    const link = await WorkshopSession.#link(services, summary);
    // The transports (y-webrtc, Hocuspocus) and the cryptography of facilitation load with the
    // first workshop, not with the home screen.
    const [{ WorkshopSync: Sync }, { Facilitation, ensureKeys }] = await Promise.all([
      lazy(() => import('../sync/connection')), lazy(() => import('./facilitation.svelte')),
    ]);
    const { keys, root } = await ensureKeys(services.store, summary);
    return new WorkshopSession(id, summary.role, opened.doc, services, opened.close, link, Sync, transports,
      (doc, sync, origin, untrackedOrigin) => new Facilitation(doc, root, keys, sync.awareness, origin, untrackedOrigin, {
        kept: summary.witnessed,
        // A failed write only means a rollback that arrives while the workshop is closed is not
        // undone at the next open; it is retried with the next record seen.
        keep: (witnessed) => void services.store.setSummary(id, { witnessed }).catch(() => {}),
      }));
  }

  /** The secret and hub this workshop syncs with. A facilitator's workshop follows the hub that
   *  served the app (the laptop in today's room); a participant keeps the one from the invite. */
  static async #link(services: SessionServices, summary: WorkshopSummary): Promise<SyncLink> {
    const secret = summary.secret ?? newId() + newId();
    const here = summary.role === 'facilitator' ? await services.hubKnown : null;
    const hub = here?.origin ?? summary.hub ?? null;
    if (secret !== summary.secret || hub !== summary.hub) await services.store.setSummary(summary.id, { secret, hub });
    // The creator's device brings the workshop's room to the hub; a participant's never sends its key.
    // The invite's other hubs belong with the invite's hub, not with the laptop that served the app.
    const fallbackHubs = hub === summary.hub ? summary.fallbackHubs ?? [] : [];
    return { secret, hub, fallbackHubs, register: summary.role === 'facilitator' };
  }

  /** Tells the room who is here (name, group, colour), from this device's profile, and makes
   *  sure the workshop knows this participant before they write anything: a hidden note written
   *  later then brings no participant record along that would give its author away. */
  announce(): void {
    const { participantId, name, group, color } = this.services.profile;
    this.sync.setUser({ id: participantId, name, group, color });
    if (this.newerSchema || !name.trim()) return;
    this.doc.transact(() => this.#registerAuthor(), this.origin);
    this.facilitation.nameMyself({ participantId, name });
  }

  close(): void {
    this.facilitation.destroy();
    this.deleted.destroy();
    this.#stopSync();
    this.sync.destroy();
    this.doc.off('update', this.#onUpdate);
    if (this.#summaryTimer !== undefined) {
      clearTimeout(this.#summaryTimer);
      this.#writeSummary();
    }
    this.release();
  }

  /** The home screen lists workshops without opening their documents: keep its row current. */
  #writeSummary(): void {
    this.#summaryTimer = undefined;
    void this.services.store.setSummary(this.id, { title: getMeta(this.doc).title, updatedAt: Date.now() });
  }

  itemsView(boardId: string): YView<Item[]> | undefined {
    const items = itemsOf(this.doc, boardId);
    return items && new YView(items, () => listItems(this.doc, boardId));
  }

  async retrySave(): Promise<void> {
    await this.services.store.resave(this.id, this.doc);
  }

  updateMeta(changes: Partial<EditableMeta>): Outcome {
    return outcome(updateMeta(this.doc, changes, this.origin));
  }

  addBoard(title: string, type: BoardType = 'notes'): Result<string> {
    return createBoard(this.doc, { type, title }, this.origin);
  }

  updateBoard(id: string, changes: BoardWordChanges): Outcome {
    return outcome(updateBoard(this.doc, id, changes, this.origin));
  }

  moveBoard(id: string, toIndex: number): Outcome {
    return outcome(moveBoard(this.doc, id, toIndex, this.origin));
  }

  deleteBoard(id: string): Outcome {
    return outcome(deleteBoard(this.doc, id, this.origin));
  }

  /** This device's participant id, read without writing anything (unlike `author`). */
  get participantId(): string {
    return this.services.profile.participantId;
  }

  /** Runs `op` as one transaction of this device: one update to share, one step to undo. */
  write<T, E extends string>(op: (w: Write) => Result<T, E>): Result<T, E> {
    return this.#transact({}, op);
  }

  /** Writes bound to one board, for the screens' action classes. */
  onBoard(boardId: string): BoardWriter {
    return { boardId, run: (op) => this.#transact({ boardId }, op) };
  }

  #transact<C extends object, T, E extends string>(bound: C, op: (w: Write & C) => Result<T, E>): Result<T, E> {
    let author: Author | undefined;
    const register = () => (author ??= this.#registerAuthor());
    const { doc, origin } = this;
    const w = { ...bound, doc, origin, get author() { return register(); } };
    return doc.transact(() => op(w), origin);
  }

  /** Whether this device holds a change to a note, stakeholder or proposal that no hub or
   *  peer has confirmed yet. */
  isPending(entryId: string): boolean {
    return this.#pending.has(entryId);
  }

  #setPending(ids: ReadonlySet<string>): void {
    for (const id of this.#pending) if (!ids.has(id)) this.#pending.delete(id);
    for (const id of ids) this.#pending.add(id);
  }

  /** Makes sure the workshop knows this device's participant and their group; call it inside
   *  the transaction that writes what they authored. */
  #registerAuthor(): Author {
    const { participantId, name, group, color } = this.services.profile;
    const groupId = group.trim() ? ensureGroup(this.doc, group, this.origin) : null;
    const gid = groupId?.ok ? groupId.value : '';
    if (name.trim()) upsertParticipant(this.doc, { id: participantId, name, group: gid, color }, this.origin);
    return { createdBy: participantId, group: gid };
  }

  /** Adds a note as this device's participant; on a SWOT board, into `quadrant`. During a
   *  silent brainstorm the note is sealed until the facilitator reveals it: its author is
   *  registered in a transaction of its own first, so the sealed note carries nothing of them. */
  addNote(boardId: string, text: string, quadrant?: Quadrant): Outcome {
    if (!itemsOf(this.doc, boardId)) return errorMessage({ error: 'no-board' });
    if (this.facilitation.isSilent(boardId)) {
      const author = this.doc.transact(() => this.#registerAuthor(), this.origin);
      return this.facilitation.addHiddenNote(boardId, { ...author, text, lane: quadrant });
    }
    return outcome(this.write(({ doc, origin, author }) => quadrant
      ? addSwotNote(doc, boardId, { ...author, text, quadrant }, origin)
      : addItem(doc, boardId, { ...author, text }, origin)));
  }

  /** Seals a red line of this device's participant's partner group (or `partner`, another
   *  group) to the facilitators. Its author is registered in a transaction of its own first, as
   *  for a hidden note, so the sealed entry carries nothing of them. */
  addRedLine(boardId: string, text: string, partner?: string): Outcome {
    const author = this.doc.transact(() => this.#registerAuthor(), this.origin);
    return this.facilitation.addRedLine(boardId, { partner: partner || author.group, text });
  }

  /** A reactive query over one board and everything below it, and over who is in the
   *  workshop: a consent round waits for the groups present, which change as people join. */
  boardView<T>(boardId: string, query: (doc: Y.Doc) => T): YView<T> {
    return new YView([boardMapOf(this.doc, boardId), participantsOf(this.doc), groupsOf(this.doc)], () => query(this.doc));
  }

  /** A reactive query over the whole workshop, for a board that shows what others hold (the
   *  agreement assembles what the room adopted on every board). */
  workshopView<T>(query: (doc: Y.Doc) => T): DocView<T> {
    return new DocView(this.doc, () => query(this.doc));
  }

  /** Who has written on a board, for the facilitator; the facilitators themselves are left out. */
  participationView(boardId: string): YView<Participation> {
    return new YView([boardMapOf(this.doc, boardId), participantsOf(this.doc)], () => participation(this.doc, boardId,
      new Set(this.facilitation.state.current.facilitators.map((f) => f.participantId))));
  }

  /** Who can be seated at breakout tables: everyone but the facilitators. */
  seatsView(): YView<(Seat & { name: string })[]> {
    return new YView([participantsOf(this.doc), groupsOf(this.doc)], () => roomSeats(this.doc,
      new Set(this.facilitation.state.current.facilitators.map((f) => f.participantId))));
  }

  /** What each table of `breakout` wrote, for the plenary. */
  tableResultsView(breakout: Breakout): YView<TableResult[]> {
    const boards = breakout.tables.map((t) => boardMapOf(this.doc, t.board));
    return new YView([...boards, participantsOf(this.doc)], () => tableResults(this.doc, breakout));
  }

  /** Undo and redo of this device's changes on one board; destroy it when the board closes. */
  undoFor(boardId: string): Y.UndoManager {
    return createUndo(this.doc, boardId, this.origin);
  }

  editNote(boardId: string, itemId: string, text: string): Outcome {
    return outcome(editItem(this.doc, boardId, itemId, text, this.origin));
  }

  /** Deletes a note and returns it, so the screen can offer to put it back. */
  deleteNote(boardId: string, itemId: string): Item | undefined {
    const item = getItem(this.doc, boardId, itemId);
    return item && deleteItem(this.doc, boardId, itemId, this.origin).ok ? item : undefined;
  }

  restoreNote(boardId: string, item: Item): Outcome {
    return outcome(restoreItem(this.doc, boardId, item, this.origin));
  }
}
