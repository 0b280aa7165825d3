import type * as Y from 'yjs';
import { createBoard, deleteBoard, listBoards, moveBoard, updateBoard, type Board, type BoardType } from '../core/boards';
import { ensureGroup, listGroups, type Group } from '../core/groups';
import { addItem, deleteItem, editItem, getItem, listItems, restoreItem, type Item } from '../core/items';
import { getMeta, updateMeta, type EditableMeta, type WorkshopMeta } from '../core/meta';
import { listParticipants, upsertParticipant, type Participant } from '../core/participants';
import type { Result } from '../core/result';
import { boardMapOf, itemsOf, migrate } from '../core/schema';
import { addNote as addSwotNote, type Quadrant } from '../core/swot';
import { createUndo } from '../core/undo';
import { checkText } from '../core/text';
import { errorMessage } from '../i18n/i18n';
import type { Role } from '../storage/db';
import type { SyncStatus, WorkshopSync } from '../sync/connection';
import { newId } from '../core/ids';
import type { WorkshopSummary } from '../storage/workshop-store';
import type { Services } from './services.svelte';
import { BUILD_SIGNALING, ICE_SERVERS } from './sync-config';
import { DocView, YView } from './y-view.svelte';

import { outcome, type Outcome } from './outcome';
import type { Facilitation } from './facilitation.svelte';
import { RecentlyDeleted } from './recently-deleted.svelte';

export { outcome, type Outcome };

const SUMMARY_DELAY_MS = 300;

/** One open workshop: its document, the views the screens read, and the changes they make.
 *  Every write carries `origin`, which marks it as this device's (undo will scope on it). */
export class WorkshopSession {
  readonly origin = { local: true };
  readonly meta: DocView<WorkshopMeta>;
  readonly boards: DocView<Board[]>;
  readonly groups: DocView<Group[]>;
  readonly participants: DocView<Participant[]>;
  /** Set when the document comes from a newer app: the screen says so and offers no editing. */
  readonly newerSchema: boolean;
  readonly sync: WorkshopSync;
  syncStatus = $state<SyncStatus>({ hub: 'off', peers: 0, pending: 0, pendingSince: null, people: [], encrypted: false });
  readonly secret: string;
  readonly facilitation: Facilitation;
  readonly deleted: RecentlyDeleted;
  readonly #stopSync: () => void;
  #summaryTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #onUpdate = () => {
    clearTimeout(this.#summaryTimer);
    this.#summaryTimer = setTimeout(() => this.#writeSummary(), SUMMARY_DELAY_MS);
  };

  private constructor(
    readonly id: string,
    readonly role: Role,
    readonly doc: Y.Doc,
    private readonly services: Services,
    private readonly release: () => void,
    link: { secret: string; hub: string | null },
    Sync: typeof WorkshopSync,
    makeFacilitation: (doc: Y.Doc, sync: WorkshopSync, origin: unknown) => Facilitation,
  ) {
    this.newerSchema = !migrate(doc, this.origin).ok;
    this.secret = link.secret;
    this.deleted = new RecentlyDeleted(doc, services.deletedEntries, id, this.origin);
    const { relay, peers } = services.transports;
    this.sync = new Sync(doc, {
      workshopId: id, secret: link.secret, hub: link.hub, signaling: BUILD_SIGNALING, relay, peers, iceServers: ICE_SERVERS,
    });
    this.facilitation = makeFacilitation(doc, this.sync, this.origin);
    this.announce();
    this.#stopSync = this.sync.subscribe((status) => { this.syncStatus = status; });
    this.meta = new DocView(doc, () => getMeta(doc));
    this.boards = new DocView(doc, () => listBoards(doc));
    this.groups = new DocView(doc, () => listGroups(doc));
    this.participants = new DocView(doc, () => listParticipants(doc));
    doc.on('update', this.#onUpdate);
  }

  static async open(services: Services, id: string): Promise<WorkshopSession | undefined> {
    const summary = await services.store.get(id);
    const opened = await services.store.open(id);
    if (!opened || !summary) return undefined;
    const link = await WorkshopSession.#link(services, summary);
    // The transports (y-webrtc, Hocuspocus) and the cryptography of facilitation load with the
    // first workshop, not with the home screen.
    const [{ WorkshopSync: Sync }, { Facilitation, ensureKeys }] = await Promise.all([
      import('../sync/connection'), import('./facilitation.svelte'),
    ]);
    const { keys, root } = await ensureKeys(services.store, summary);
    return new WorkshopSession(id, summary.role, opened.doc, services, opened.close, link, Sync,
      (doc, sync, origin) => new Facilitation(doc, root, keys, sync.awareness, origin, {
        kept: summary.witnessed,
        // A failed write only means a rollback that arrives while the workshop is closed is not
        // undone at the next open; it is retried with the next record seen.
        keep: (witnessed) => void services.store.setSummary(id, { witnessed }).catch(() => {}),
      }));
  }

  /** The secret and hub this workshop syncs with. A facilitator's workshop follows the hub that
   *  served the app (the laptop in today's room); a participant keeps the one from the invite. */
  static async #link(services: Services, summary: WorkshopSummary): Promise<{ secret: string; hub: string | null }> {
    const secret = summary.secret ?? newId() + newId();
    const here = summary.role === 'facilitator' ? await services.hubKnown : null;
    const hub = here?.origin ?? summary.hub ?? null;
    if (secret !== summary.secret || hub !== summary.hub) await services.store.setSummary(summary.id, { secret, hub });
    return { secret, hub };
  }

  /** Tells the room who is here (name, group, colour), from this device's profile, and makes
   *  sure the workshop knows this participant before they write anything: a hidden note written
   *  later then brings no participant record along that would give its author away. */
  announce(): void {
    const { participantId, name, group, color } = this.services.profile;
    this.sync.setUser({ id: participantId, name, group, color });
    if (this.newerSchema || !name.trim()) return;
    this.author();
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

  updateBoard(id: string, changes: { title?: string; prompt?: string }): Outcome {
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

  /** This device's participant as the author of a change. Call it inside the write's
   *  transaction: it makes sure the workshop knows the participant and their group first. */
  author(): { createdBy: string; group: string } {
    const { participantId, name, group, color } = this.services.profile;
    const groupId = group.trim() ? ensureGroup(this.doc, group, this.origin) : null;
    const gid = groupId?.ok ? groupId.value : '';
    if (name.trim()) upsertParticipant(this.doc, { id: participantId, name, group: gid, color }, this.origin);
    return { createdBy: participantId, group: gid };
  }

  /** Adds a note as this device's participant; on a SWOT board, into `quadrant`. During a
   *  silent brainstorm the note is sealed until the facilitator reveals it. */
  addNote(boardId: string, raw: string, quadrant?: Quadrant): Outcome {
    const text = checkText(raw, 'note', { multiline: true });
    if (!text.ok) return outcome(text);
    if (!itemsOf(this.doc, boardId)) return errorMessage({ error: 'no-board' });
    if (this.facilitation.isSilent(boardId)) {
      return this.facilitation.addHiddenNote(boardId, { ...this.author(), text: text.value, lane: quadrant });
    }
    let result: Result<string> | undefined;
    this.doc.transact(() => {
      const fields = { ...this.author(), text: text.value };
      result = quadrant
        ? addSwotNote(this.doc, boardId, { ...fields, quadrant }, this.origin)
        : addItem(this.doc, boardId, fields, this.origin);
    }, this.origin);
    return outcome(result!);
  }

  /** A reactive query over one board and everything below it. */
  boardView<T>(boardId: string, query: (doc: Y.Doc) => T): YView<T> {
    return new YView(boardMapOf(this.doc, boardId), () => query(this.doc));
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
