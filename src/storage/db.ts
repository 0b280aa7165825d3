import { Dexie, type EntityTable } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import type { FacilitatorKeys } from '../core/facilitation/keys';
import type { DeletedEntry } from '../core/deleted-entries';
import type { Witnessed } from '../core/facilitation/witness';
import { SaveStatus } from './save-status';

export type Role = 'facilitator' | 'participant';

export interface WorkshopRow {
  id: string;
  title: string;
  updatedAt: number;
  role: Role;
  /** Set while a deletion can still be undone; the row is purged after the undo window. */
  deletedAt?: number;
  /** Shared with invited devices only (in the invite link's fragment): y-webrtc's password. */
  secret?: string;
  /** The hub this workshop syncs through (http(s) origin), or null for peers only. */
  hub?: string | null;
  /** Other processes of the same organisation's hub, from the invite: tried when `hub` is lost. */
  fallbackHubs?: readonly string[];
  /** The facilitator id of the workshop's creator, from this device (the creator) or the invite
   *  link: the one key this device trusts without asking the document. */
  root?: string;
  /** This device's own keys for this workshop. The secrets never leave the device: not in the
   *  document, the presence data or a backup file. */
  keys?: FacilitatorKeys;
  /** The signed records this device has seen in the workshop, to put back any a peer deletes or
   *  rolls back (core/facilitation/witness.ts). Kept on the device only, never in the document. */
  witnessed?: Witnessed;
  /** A series' row (its document holds what carries over between meetings), not a workshop's. */
  kind?: 'series';
  /** When this device made the row (rows from before have none). */
  createdAt?: number;
  /** The series this workshop is a meeting of. */
  series?: string;
  doc: Y.Doc;
}

export interface ProfileRow {
  key: 'me';
  participantId: string;
  name: string;
  group: string;
  color: string;
  /** The interface language this person chose; a tag the app may not know (from a newer
   *  version) is ignored where it is read. Absent until they choose. */
  locale?: string;
}

/** A board entry this device saw disappear, kept with its workshop on this device only
 *  (core/deleted-entries.ts); `key` is the board and entry id. */
export type DeletedRow = DeletedEntry & { workshop: string; key: string };

export const WORKSHOP_UPDATES_TABLE = '$workshops.doc_updates';

export type CommonGroundDb = Dexie & {
  workshops: EntityTable<WorkshopRow, 'id'>;
  profile: EntityTable<ProfileRow, 'key'>;
  deleted: Dexie.Table<DeletedRow, [string, string]>;
  saveStatus: SaveStatus;
};

/** Opens the database (or throws a `StorageUnavailable`): private windows and locked-down
 *  browsers refuse IndexedDB, and the app must say so rather than lose edits silently. */
export async function openDb(name = 'common-ground'): Promise<CommonGroundDb> {
  if (typeof indexedDB === 'undefined' || indexedDB === null) throw new StorageUnavailable('no-indexeddb');
  const db = new Dexie(name, { addons: [yDexie] }) as CommonGroundDb;
  db.version(1).stores({
    workshops: 'id, updatedAt, doc: Y.Doc',
    profile: 'key',
  });
  db.version(2).stores({ deleted: '[workshop+key], workshop' });
  db.saveStatus = new SaveStatus();
  db.use(db.saveStatus.middleware((table) => table === WORKSHOP_UPDATES_TABLE));
  try {
    await db.open();
  } catch (error) {
    throw new StorageUnavailable('open-failed', error);
  }
  return db;
}

export class StorageUnavailable extends Error {
  constructor(readonly reason: 'no-indexeddb' | 'open-failed', override readonly cause?: unknown) {
    super(`storage unavailable: ${reason}${cause instanceof Error ? `: ${cause.message}` : ''}`);
    this.name = 'StorageUnavailable';
  }
}
