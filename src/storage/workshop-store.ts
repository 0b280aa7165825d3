import { liveQuery } from 'dexie';
import { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import { WORKSHOP_UPDATES_TABLE, type CommonGroundDb, type Role, type WorkshopRow } from './db';

export type WorkshopSummary = Omit<WorkshopRow, 'doc'>;
export type NewWorkshop = Pick<WorkshopRow, 'id' | 'title' | 'role'> & Partial<Pick<WorkshopRow, 'secret' | 'hub' | 'fallbackHubs' | 'root' | 'keys' | 'kind' | 'series'>>;

export interface OpenedWorkshop {
  doc: Y.Doc;
  /** Stops persisting this document instance; call when leaving the workshop. */
  close(): void;
}

/** How long a deleted workshop can be brought back before it is purged. */
export const UNDO_WINDOW_MS = 10_000;

/** Everything the app asks of workshop storage. y-dexie stays behind this interface, so it
 *  could be replaced by another Y.Doc persistence without touching the app. */
export interface WorkshopStore {
  watchList(listener: (rows: WorkshopSummary[]) => void, onError: (e: unknown) => void): () => void;
  create(fields: NewWorkshop, fill: (doc: Y.Doc) => void): Promise<void>;
  open(id: string): Promise<OpenedWorkshop | undefined>;
  get(id: string): Promise<WorkshopSummary | undefined>;
  setSummary(id: string, changes: Partial<Pick<WorkshopRow, 'title' | 'updatedAt' | 'role' | 'secret' | 'hub' | 'fallbackHubs' | 'root' | 'keys' | 'witnessed' | 'series'>>): Promise<void>;
  remove(id: string): Promise<void>;
  restore(id: string): Promise<void>;
  purgeExpired(now?: number): Promise<string[]>;
  /** Writes the whole state of `doc` again, after a failed write (storage full) was resolved. */
  resave(id: string, doc: Y.Doc): Promise<void>;
}

/** The row without its Y.Doc: y-dexie defines `doc` on the prototype, so a spread leaves it out
 *  without creating the document. */
const summary = (row: WorkshopRow): WorkshopSummary => ({ ...row }) as WorkshopSummary;

export function dexieWorkshopStore(db: CommonGroundDb): WorkshopStore {
  const updates = () => db.table(WORKSHOP_UPDATES_TABLE);
  return {
    watchList(listener, onError) {
      const sub = liveQuery(() => db.workshops.orderBy('updatedAt').reverse().toArray())
        .subscribe({ next: (rows) => listener(rows.filter((r) => r.deletedAt === undefined).map(summary)), error: onError });
      return () => sub.unsubscribe();
    },
    async create(fields, fill) {
      const doc = new Y.Doc();
      fill(doc);
      // y-dexie copies the state of a Y.Doc handed to add(); the table's type hides that property.
      await db.workshops.add({ ...fields, createdAt: Date.now(), updatedAt: Date.now(), doc } as WorkshopRow);
      doc.destroy();
    },
    async open(id) {
      const row = await db.workshops.get(id);
      if (!row || row.deletedAt !== undefined) return undefined;
      const doc = row.doc;
      const provider = DexieYProvider.load(doc);
      await provider.whenLoaded;
      return { doc, close: () => DexieYProvider.release(doc) };
    },
    async get(id) {
      const row = await db.workshops.get(id);
      return row && summary(row);
    },
    async setSummary(id, changes) {
      await db.workshops.update(id, changes);
    },
    async remove(id) {
      await db.workshops.update(id, { deletedAt: Date.now() });
    },
    async restore(id) {
      await db.workshops.update(id, { deletedAt: undefined });
    },
    async purgeExpired(now = Date.now()) {
      const expired = (await db.workshops.toArray())
        .filter((r) => r.deletedAt !== undefined && now - r.deletedAt >= UNDO_WINDOW_MS)
        .map((r) => r.id);
      if (expired.length === 0) return [];
      await db.transaction('rw', db.workshops, db.deleted, updates(), async () => {
        await db.workshops.bulkDelete(expired);
        await db.deleted.where('workshop').anyOf(expired).delete();
        await updates().where('k').anyOf(expired).delete();
      });
      return expired;
    },
    async resave(id, doc) {
      await updates().add({ k: id, u: Y.encodeStateAsUpdateV2(doc), f: 1 });
      db.saveStatus.unsaved.delete(id);
      db.saveStatus.clearError();
    },
  };
}
